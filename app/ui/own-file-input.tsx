import { useState, type ChangeEvent, type InputHTMLAttributes, type Ref } from 'react';
import { nl } from '../i18n/catalogue';

type OwnFileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'accept'> & {
  /** Only Baken's own formats: `.baken` backups or exported audit logs. Never images. */
  accept: '.baken' | '.json,application/json';
  ref?: Ref<HTMLInputElement>;
};

/**
 * The only file input in Baken: always narrowly typed; contents are validated before use. The chosen
 * file's name is also written under it in full (a low-vision review: at 200% text the browser's field
 * showed one letter of it, and the worker could not check which backup she was about to read in).
 */
export function OwnFileInput({ accept, onChange, ...rest }: OwnFileInputProps) {
  const [chosen, setChosen] = useState('');
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setChosen(event.target.files?.[0]?.name ?? '');
    onChange?.(event);
  };
  return (
    <>
      <input type="file" accept={accept} {...rest} onChange={choose} />
      {chosen === '' ? null : <span className="own-file__name">{nl.logbook.common.chosenFile(chosen)}</span>}
    </>
  );
}
