/** The history's shape while the first page loads: title, filters, rows. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-5">
      <div className="space-y-2">
        <div className="h-8 w-56 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      </div>
      <div className="h-24 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="space-y-2">
        {Array.from({ length: 10 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
          <div key={i} className="h-10 rounded bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    </div>
  );
}
