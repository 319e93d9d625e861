import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

export type IconButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon'> & {
  /** The button's accessible name, also its tooltip. */
  label: string;
  /** The icon: a path's `d` on a 24 × 24 grid, or the shapes themselves. */
  icon: string | ComponentChildren;
};

/** A button that shows only an icon; `type` defaults to `button`. */
export function IconButton({ label, icon, ...props }: IconButtonProps) {
  return (
    <button type="button" {...props} aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        {typeof icon === 'string' ? <path d={icon} /> : icon}
      </svg>
    </button>
  );
}
