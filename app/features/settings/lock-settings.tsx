import { useId } from 'react';
import { autoLockMinuteOptions, hiddenGraceSecondOptions } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';
import { NumberSetting, SettingStatus } from './setting-fields';
import { useSettingSaver } from './use-setting-saver';

const t = nl.settings.security;

const lockSettings = [
  { name: 'autoLockMinutes', options: autoLockMinuteOptions, text: t.minutes, label: t.autoLock, hint: t.autoLockHint },
  {
    name: 'hiddenGraceSeconds',
    options: hiddenGraceSecondOptions,
    text: t.seconds,
    label: t.hiddenGrace,
    hint: t.hiddenGraceHint,
  },
] as const;

/** Idle time before auto-lock and the grace period while hidden. */
export function LockSettings() {
  const headingId = useId();
  const saver = useSettingSaver();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.lockTitle}</h3>
      {lockSettings.map((setting) => (
        <NumberSetting key={setting.name} saver={saver} {...setting} />
      ))}
      <SettingStatus message={saver.message} />
    </section>
  );
}
