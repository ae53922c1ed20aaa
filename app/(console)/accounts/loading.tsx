/** The overview's shape while it loads: title, summary, two account cards. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-5">
      <div className="space-y-2">
        <div className="h-8 w-56 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      </div>
      <div className="h-48 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-48 rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
