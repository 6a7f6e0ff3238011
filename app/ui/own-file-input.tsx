import type { InputHTMLAttributes, Ref } from 'react';

type OwnFileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'accept'> & {
  /** Only Baken's own formats: `.baken` backups or exported audit logs. Never images. */
  accept: '.baken' | '.json,application/json';
  ref?: Ref<HTMLInputElement>;
};

/** The only file input in Baken: always narrowly typed; contents are validated before use. */
export function OwnFileInput({ accept, ...rest }: OwnFileInputProps) {
  return <input type="file" accept={accept} {...rest} />;
}
