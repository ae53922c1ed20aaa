/** The coverage page's shape while it loads: title, totals, filters, a few rows. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-5">
      <div className="space-y-2">
        <div className="h-8 w-56 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      </div>
      <div className="h-32 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-64 rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
