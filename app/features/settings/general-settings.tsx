import { useId } from 'react';
import type { Jurisdiction } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { NumberSetting, SettingStatus } from './setting-fields';
import { useSettingSaver } from './use-setting-saver';

const t = nl.settings.general;
const retentionOptions = [6, 12, 24, 36, 60, 120] as const;

/** Rechtsgebied, app badge and the default retention. */
export function GeneralSettings() {
  const headingId = useId();
  const saver = useSettingSaver();
  const { values: settings, save } = saver;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <div className="card">
        <RadioGroup<Jurisdiction>
          legend={t.jurisdiction}
          hint={t.jurisdictionHint}
          name="jurisdiction"
          inline
          value={settings.jurisdiction}
          onChange={(jurisdiction) => save({ jurisdiction }, t.jurisdictionSaved(t[jurisdiction]))}
          options={[
            { value: 'vlaanderen', label: t.vlaanderen },
            { value: 'nederland', label: t.nederland },
          ]}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.appBadge}
            onChange={(event) => save({ appBadge: event.target.checked })}
          />
          <span>
            {t.appBadge}
            <br />
            <small className="choice-group__description">{t.appBadgeHint}</small>
          </span>
        </label>
        <NumberSetting
          saver={saver}
          name="retentionMonths"
          options={retentionOptions}
          text={t.months}
          label={t.retention}
        />
        <SettingStatus message={saver.message} />
      </div>
    </section>
  );
}
