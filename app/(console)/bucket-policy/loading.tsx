export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-4">
      <div className="h-8 w-72 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-[32rem] max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="h-96 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-96 rounded bg-slate-200 dark:bg-slate-800" />
      </div>
    </div>
  );
}
