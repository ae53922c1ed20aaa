export default function Loading() {
  return (
    <div aria-busy="true" className="mx-auto max-w-4xl animate-pulse space-y-4">
      <div className="h-8 w-56 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="flex gap-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-7 w-28 rounded-full bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
