'use client';

// The root layout itself failed, so no translations are available: both languages, plainly.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <h1>Something went wrong / 問題が発生しました</h1>
        <p>Nothing was changed. / 何も変更されていません。</p>
        <button type="button" onClick={reset}>
          Try again / 再試行
        </button>
      </body>
    </html>
  );
}
