// A button that stays focusable while it cannot be used. A native `disabled`
// on the button just pressed drops keyboard and screen-reader focus to the
// page body; `aria-disabled` says the same to assistive technology and keeps
// focus where it was. A press meanwhile does nothing: the click (also the one
// a form's implicit submission sends on Enter) is cancelled. No catalogue
// import: the lock screen uses it on the critical path.
import type { ComponentPropsWithRef, MouseEvent } from 'react';

type ButtonProps = Omit<ComponentPropsWithRef<'button'>, 'type'> & {
  type: 'button' | 'submit';
};

export function Button({ disabled = false, onClick, type, ...rest }: ButtonProps) {
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (disabled) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return <button type={type} aria-disabled={disabled || undefined} onClick={handleClick} {...rest} />;
}
