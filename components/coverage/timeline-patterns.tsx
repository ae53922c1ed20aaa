/**
 * The fills of the timelines, defined once per page and referenced by every row's SVG (`url(#cov-gap)`), so a
 * thousand rows do not carry a thousand copies. Colour plus a pattern per state.
 */
export function TimelinePatterns() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      <defs>
        <pattern id="cov-archived" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#059669" />
        </pattern>
        <pattern id="cov-queued" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#bae6fd" />
          <circle cx="3" cy="3" r="1.2" fill="#0369a1" />
        </pattern>
        <pattern
          id="cov-running"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(-45)"
        >
          <rect width="6" height="6" fill="#60a5fa" />
          <rect width="3" height="6" fill="#1d4ed8" />
        </pattern>
        <pattern id="cov-failed" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#dc2626" />
          <path d="M0 0L6 6M6 0L0 6" stroke="#fecaca" strokeWidth="1.2" />
        </pattern>
        <pattern
          id="cov-gap"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#fcd34d" />
          <rect width="2" height="6" fill="#b45309" />
        </pattern>
        <pattern id="cov-not-due" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#f1f5f9" />
          <rect x="0.5" y="0.5" width="7" height="7" fill="none" stroke="#94a3b8" strokeDasharray="2 2" />
        </pattern>
        <pattern id="cov-expired" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#cbd5e1" />
          <rect y="2.5" width="6" height="1" fill="#64748b" />
        </pattern>
      </defs>
    </svg>
  );
}
