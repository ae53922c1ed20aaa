/** The activity page's shape while it loads: title, filters, rows. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-5">
      <div className="h-8 w-56 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
