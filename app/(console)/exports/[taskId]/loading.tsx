/** The details page's shape while the task loads. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-5">
      <div className="h-4 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-8 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-72 rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="h-32 rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
