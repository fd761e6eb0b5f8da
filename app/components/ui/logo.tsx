/** The hub's mark: three overlapping circles (decorative; the name is always beside it). */
export function Logo() {
  return (
    <svg className="logo" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="11" cy="13" r="7" fill="#2f6f5e" />
      <circle cx="21" cy="13" r="7" fill="#d9822b" fillOpacity="0.85" />
      <circle cx="16" cy="21" r="7" fill="#3b6fb6" fillOpacity="0.8" />
    </svg>
  );
}
