import { useId } from 'react';
import type { Jurisdiction } from '../../../schema/settings';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField } from '../../ui/select-field';
import { withCurrent } from './lock-settings';
import { useSettingSaver } from './use-setting-saver';

const t = nl.settings.general;
const retentionOptions = [6, 12, 24, 36, 60, 120] as const;

/** Rechtsgebied, app badge and the default retention. */
export function GeneralSettings() {
  const headingId = useId();
  const { values: settings, save, message } = useSettingSaver();
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
          onChange={(jurisdiction) => save({ jurisdiction })}
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
        <SelectField
          label={t.retention}
          value={String(settings.retentionMonths)}
          onChange={(event) => save({ retentionMonths: Number(event.target.value) })}
          options={withCurrent(retentionOptions, settings.retentionMonths).map((n) => ({
            value: String(n),
            label: t.months(n),
          }))}
        />
        <p role="status" className="settings-status">
          {message}
        </p>
      </div>
    </section>
  );
}
