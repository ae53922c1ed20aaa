export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-3">
      <div className="h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-96 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-64 rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
