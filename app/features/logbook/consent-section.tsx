// Consent records: per betrokkene, per recipient, per information category,
// who gave it, when and how; withdrawable with a date. Sharing without consent
// (noodtoestand / art. 458bis) needs a written justification and the check
// questions, and is always shown as "Gedeeld zonder toestemming".
import type { ReactNode } from 'react';
import { recipientLabel } from '../../ui/recipient-label';
import { isAdultParty, notOwnCategories, type ConsentContext } from '../../../schema/consent-validity';
import { basisAllowsRecipient } from '../../../schema/share-rules';
import { isConsentActive } from '../../../schema/consent-rules';
import {
  withdrawConsentInput,
  type ConsentGiven,
  type ConsentRecord,
  type ShareWithoutConsent,
} from '../../../schema/records/consent';
import type { Party } from '../../../schema/records/party';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useCaseJurisdiction } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { formatDate, isIsoDate, todayIso } from '../../ui/dates';
import { TextField } from '../../ui/field';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import type { FieldErrors } from '../../ui/form-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { categoryNames, consentCategoriesText } from './consent-categories';
import { ConsentForm, ShareForm, checkKeys, checkQuestion } from './consent-forms';
import { ConsentValidityView, giverLabels } from './consent-validity-view';
import { RecordList } from '../../ui/item-list';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.consent;
const ts = nl.logbook.share;

export function ConsentSection({ detail }: { detail: CaseDetail }) {
  const jurisdiction = useCaseJurisdiction(detail.case);
  const [saved, setSaved] = useSavedMessage();
  const partyById = new Map(detail.parties.map((party) => [party.id, party]));
  const caseId = detail.case.id;
  const today = todayIso();
  const ctx = { jurisdiction, knownOn: detail.case.knownOn };

  return (
    <CaseSection id="toestemming" title={t.title}>
      <p className="field__hint">{jurisdiction === 'nederland' ? t.introNl : t.intro}</p>
      <RecordList items={detail.consents} empty={t.none}>
        {(consent) => (
          <ConsentCard
            consent={consent}
            party={partyById.get(consent.partyId)}
            parties={detail.parties}
            all={detail.consents}
            ctx={ctx}
            today={today}
            onSaved={setSaved}
          />
        )}
      </RecordList>
      <SavedStatus message={saved} />
      {detail.parties.length === 0 ? (
        <p>{t.needParty}</p>
      ) : (
        <div className="stack">
          <Expander label={t.add} onSaved={setSaved}>
            {(close, saved) => (
              <ConsentForm
                caseId={caseId}
                parties={detail.parties}
                jurisdiction={jurisdiction}
                knownOn={detail.case.knownOn}
                onDone={() => saved(t.saved)}
                onCancel={close}
              />
            )}
          </Expander>
          <Expander label={ts.add} danger onSaved={setSaved}>
            {(close, saved) => (
              <ShareForm
                caseId={caseId}
                parties={detail.parties}
                knownOn={detail.case.knownOn}
                jurisdiction={jurisdiction}
                onDone={() => saved(ts.saved)}
                onCancel={close}
              />
            )}
          </Expander>
        </div>
      )}
    </CaseSection>
  );
}

function ConsentCard({
  consent,
  party,
  parties,
  all,
  ctx,
  today,
  onSaved,
}: {
  consent: ConsentRecord;
  party: Party | undefined;
  parties: readonly Party[];
  all: readonly ConsentRecord[];
  ctx: ConsentContext;
  today: string;
  onSaved: (message: string) => void;
}) {
  const title = t.entryTitle(
    party?.pseudonym ?? t.unknownParty,
    recipientLabel(consent.recipient, ctx.jurisdiction === 'nederland'),
  );
  const categories = consentCategoriesText(consent, ctx.jurisdiction);
  if (consent.basis !== 'toestemming')
    return (
      <ShareCard
        share={consent}
        title={title}
        categories={categories}
        party={party}
        inNl={ctx.jurisdiction === 'nederland'}
      />
    );
  return (
    <GivenCard
      consent={consent}
      title={title}
      categories={categories}
      today={today}
      onSaved={onSaved}
      adult={party !== undefined && isAdultParty(party)}
    >
      {party ? (
        <ConsentValidityView consent={consent} party={party} parties={parties} all={all} ctx={ctx} today={today} />
      ) : null}
    </GivenCard>
  );
}

function ShareCard({
  share,
  title,
  categories,
  party,
  inNl,
}: {
  share: ShareWithoutConsent;
  title: string;
  categories: string;
  party: Party | undefined;
  /** A case under Dutch rules: the check question as its form asked it, and its category labels. */
  inNl: boolean;
}) {
  const notOwn = notOwnCategories(party, share.categories);
  return (
    <article className="record-card share-card" aria-labelledby={`consent-${share.id}`}>
      <h3 id={`consent-${share.id}`} className="record-card__title">
        {title}
      </h3>
      <p className="badge badge--danger">{ts.badge}</p>
      <p>{categories}</p>
      <p>{ts.entryBasis(ts.bases[share.basis], formatDate(share.sharedOn))}</p>
      {notOwn.length > 0 ? (
        <p className="callout">{ts.notOwnInformation(categoryNames(notOwn, inNl ? 'nederland' : 'vlaanderen'))}</p>
      ) : null}
      {basisAllowsRecipient(share.basis, share.recipient) ? null : (
        <p className="badge badge--danger">{ts.invalid458bis}</p>
      )}
      {share.bestPlacedToHelp ? <p>{ts.entryHelper(share.bestPlacedToHelp)}</p> : null}
      <p>
        {share.youngPersonInformed.told === 'ja'
          ? ts.entryInformed(formatDate(share.youngPersonInformed.on), share.youngPersonInformed.how)
          : share.youngPersonInformed.told === 'nee'
            ? ts.entryNotInformed(share.youngPersonInformed.whyNot)
            : ts.entryInformedUnknown}
      </p>
      {share.confirmedWarnings.length > 0 ? <p>{ts.entryWarnings(share.confirmedWarnings.length)}</p> : null}
      <p className="preserve-lines">
        <strong>{ts.justification}:</strong> {share.justification}
      </p>
      <dl className="criteria-answers">
        {checkKeys.map((key) => (
          <div key={key}>
            <dt>{checkQuestion(key, inNl)}</dt>
            <dd>{share.checks[key].answer === 'ja' ? ts.yes : ts.no}</dd>
          </div>
        ))}
        <div>
          <dt>{ts.bestPlacedToInform}</dt>
          <dd>{share.checks.bestPlacedToInform}</dd>
        </div>
      </dl>
    </article>
  );
}

function GivenCard({
  consent,
  title,
  categories,
  today,
  onSaved,
  adult,
  children,
}: {
  consent: ConsentGiven;
  title: string;
  categories: string;
  today: string;
  onSaved: (message: string) => void;
  /** About an adult: their own consent reads "de betrokkene zelf", not "de jongere". */
  adult: boolean;
  children: ReactNode;
}) {
  const active = isConsentActive(consent, today);
  const giver = giverLabels(adult)[consent.givenBy];
  const withdrawName = t.withdrawLabel(title, giver, formatDate(consent.givenOn));
  // Named by its title and who gave it when: two consents to one recipient (the young person's and a parent's) differ.
  return (
    <article className="record-card" aria-labelledby={`consent-${consent.id} consent-${consent.id}-given`}>
      <h3 id={`consent-${consent.id}`} className="record-card__title">
        {title}
      </h3>
      <p>{categories}</p>
      <p id={`consent-${consent.id}-given`}>
        {t.entryGiven(giver, formatDate(consent.givenOn), t.howOptions[consent.how])}
      </p>
      {children}
      {consent.withdrawnOn ? (
        <p className="badge">
          {consent.withdrawnOn > today
            ? t.withdrawsOn(formatDate(consent.withdrawnOn))
            : t.withdrawnOn(formatDate(consent.withdrawnOn))}
        </p>
      ) : active ? (
        // Neutral: the validity above says whether it is enough; a green "geldt" next to "Nog niet genoeg" confused.
        <p className="badge">{t.active}</p>
      ) : null}
      <Expander
        label={t.withdraw}
        buttonLabel={withdrawName}
        onSaved={onSaved}
        changed={consent.withdrawnOn ? nl.logbook.changedMeanwhile.consent : undefined}
      >
        {(close, saved) => (
          <WithdrawForm consent={consent} name={withdrawName} onDone={() => saved(t.withdrawn)} onCancel={close} />
        )}
      </Expander>
    </article>
  );
}

const withdrawForm = withdrawConsentInput.omit({ id: true });

function WithdrawForm({
  consent,
  name,
  onDone,
  onCancel,
}: {
  consent: ConsentGiven;
  /** The form's accessible name, the same as its button's. */
  name: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useOperationForm({
    initial: () => ({ withdrawnOn: todayIso() }),
    schema: withdrawForm,
    // Checked here too, so the date gets its own message before anything is saved.
    check: ({ withdrawnOn }): FieldErrors =>
      isIsoDate(withdrawnOn) && withdrawnOn < consent.givenOn
        ? { withdrawnOn: nl.logbook.withdrawnBeforeGiven(formatDate(consent.givenOn)) }
        : {},
    run: (input) => runOperation('withdrawConsent', { id: consent.id, ...input }),
    onDone,
    fields: ['withdrawnOn'],
  });

  return (
    <form {...form.formProps} className="logbook-form" aria-label={name}>
      <TextField
        label={t.withdrawDate}
        hint={t.withdrawDateHint}
        type="date"
        min={consent.givenOn}
        {...form.text('withdrawnOn')}
      />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} saveLabel={t.withdrawConfirm} onCancel={onCancel} />
    </form>
  );
}
