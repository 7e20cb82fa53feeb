// Icons shared by the popup and the options page, drawn as inline SVG (JSX, no markup strings).

/** A padlock drawn inline (an emoji may have no font on office PCs); the words beside it say the same. */
export function LockIcon({ label }: { label?: string }) {
  return (
    <svg class="lock" viewBox="0 0 16 16" width="12" height="12" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1.5 1.5 0 0 1 13.5 8.5v5A1.5 1.5 0 0 1 12 15H4a1.5 1.5 0 0 1-1.5-1.5v-5A1.5 1.5 0 0 1 4 7h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
    </svg>
  );
}
