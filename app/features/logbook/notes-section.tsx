// The timeline. Notes are append-only: there is no edit or delete. A
// correction is a new note that supersedes the old one, with a reason; the old
// note stays readable, marked as replaced.
import { useState, type FormEvent } from 'react';
import { noteKindSchema, type Note, type NoteKind } from '../../../schema/records/note';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField } from '../../ui/field';
import { formatDateTime } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { imageDataError, requiredText, useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { CaseSection, Expander, SavedStatus } from './section';
import type { DraftFields } from '../../data/drafts';
import { useFormDraft } from './use-form-draft';

const t = nl.logbook.notes;
const kindOptions = noteKindSchema.options.map((value) => ({ value, label: t.kinds[value] }));

export function noteDraftId(caseId: string): string {
  return `note:${caseId}`;
}

export function NotesSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useState<string | null>(null);
  const caseId = detail.case.id;
  const byId = new Map(detail.notes.map((note) => [note.id, note]));
  const replacement = new Map<string, Note>();
  for (const note of detail.notes) if (note.supersedes) replacement.set(note.supersedes, note);

  return (
    <CaseSection id="tijdlijn" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      {detail.notes.length === 0 ? <p>{t.none}</p> : null}
      <ol className="record-list timeline">
        {detail.notes.map((note) => (
          <li key={note.id}>
            <NoteCard
              note={note}
              replacedBy={replacement.get(note.id)}
              replaces={note.supersedes ? byId.get(note.supersedes) : undefined}
              onSaved={setSaved}
            />
          </li>
        ))}
      </ol>
      <SavedStatus message={saved} />
      <NewNote caseId={caseId} onSaved={setSaved} />
    </CaseSection>
  );
}

function NoteCard({
  note,
  replacedBy,
  replaces,
  onSaved,
}: {
  note: Note;
  replacedBy: Note | undefined;
  replaces: Note | undefined;
  onSaved: (message: string) => void;
}) {
  const when = formatDateTime(note.at);
  return (
    <article
      className={replacedBy ? 'record-card note note--superseded' : 'record-card note'}
      aria-labelledby={`note-${note.id}`}
    >
      <h3 id={`note-${note.id}`} className="record-card__title">
        {when} — {t.kinds[note.noteKind]}
        {replacedBy ? <span className="badge"> {t.superseded}</span> : null}
      </h3>
      {replacedBy ? <p className="note__replaced">{t.supersededBy(formatDateTime(replacedBy.at))}</p> : null}
      {note.supersedes && note.reason ? (
        <p className="note__correction">{t.correctionOf(replaces ? formatDateTime(replaces.at) : '—', note.reason)}</p>
      ) : null}
      {replacedBy ? (
        <p className="preserve-lines note__text">
          <s>{note.text}</s>
        </p>
      ) : (
        <p className="preserve-lines note__text">{note.text}</p>
      )}
      {replacedBy ? null : (
        <Expander label={t.correct} buttonLabel={t.correctLabel(when)}>
          {(close) => (
            <CorrectForm
              note={note}
              when={when}
              onDone={() => {
                onSaved(t.corrected);
                close();
              }}
              onCancel={close}
            />
          )}
        </Expander>
      )}
    </article>
  );
}

function CorrectForm({
  note,
  when,
  onDone,
  onCancel,
}: {
  note: Note;
  when: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(note.text);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['text', 'reason']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    const textProblem = requiredText(text);
    if (textProblem) problems.text = textProblem;
    const reasonProblem = requiredText(reason);
    if (reasonProblem) problems.reason = reasonProblem;
    if (Object.keys(problems).length > 0) {
      errors.fail(problems, nl.logbook.errors.checkFields);
      return;
    }
    setBusy(true);
    try {
      await runOperation('correctNote', { supersedes: note.id, text: text.trim(), reason: reason.trim() });
      onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form ref={errors.form} onSubmit={submit} noValidate className="logbook-form" aria-label={t.correctLabel(when)}>
      <TextAreaField
        label={t.correctedText}
        value={text}
        maxLength={8000}
        error={errors.error('text')}
        onChange={(event) => {
          errors.setField('text', imageDataError(event.target.value));
          setText(event.target.value);
        }}
      />
      <TextAreaField
        label={t.reason}
        hint={t.reasonHint}
        value={reason}
        maxLength={500}
        required
        error={errors.error('reason')}
        onChange={(event) => {
          errors.setField('reason', imageDataError(event.target.value));
          setReason(event.target.value);
        }}
      />
      <FormError message={errors.general} />
      <FormButtons busy={busy} saveLabel={t.saveCorrection} onCancel={onCancel} />
    </form>
  );
}

/** The new-note form, kept as an encrypted draft while typing. */
function NewNote({ caseId, onSaved }: { caseId: string; onSaved: (message: string) => void }) {
  const draft = useFormDraft(noteDraftId(caseId), caseId);
  const [formKey, setFormKey] = useState(0);
  if (draft.initial === undefined) return null;
  return (
    <NoteForm
      key={formKey}
      caseId={caseId}
      initial={formKey === 0 ? draft.initial : null}
      onChange={draft.update}
      saved={draft.saved}
      onDone={async () => {
        await draft.discard();
        setFormKey((k) => k + 1);
        onSaved(t.saved);
      }}
    />
  );
}

function NoteForm({
  caseId,
  initial,
  onChange,
  saved,
  onDone,
}: {
  caseId: string;
  initial: DraftFields | null;
  onChange: (fields: DraftFields) => void;
  saved: boolean;
  onDone: () => Promise<void>;
}) {
  const parsedKind = noteKindSchema.safeParse(initial?.noteKind);
  const [noteKind, setNoteKind] = useState<NoteKind>(parsedKind.success ? parsedKind.data : 'gesprek');
  const [text, setText] = useState(initial?.text ?? '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['text']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = requiredText(text);
    if (problem) {
      errors.fail({ text: problem }, nl.logbook.errors.checkFields);
      return;
    }
    setBusy(true);
    try {
      await runOperation('appendNote', { caseId, noteKind, text: text.trim() });
      await onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form
      ref={errors.form}
      onSubmit={submit}
      noValidate
      className="card logbook-form"
      aria-labelledby="note-form-title"
    >
      <h3 id="note-form-title">{t.formTitle}</h3>
      <RadioGroup
        legend={t.kind}
        name="note-kind"
        options={kindOptions}
        value={noteKind}
        inline
        onChange={(kind) => {
          setNoteKind(kind);
          onChange(text.trim() === '' ? {} : { noteKind: kind, text });
        }}
      />
      <TextAreaField
        label={t.text}
        hint={t.textHint}
        value={text}
        maxLength={8000}
        error={errors.error('text')}
        onChange={(event) => {
          const next = event.target.value;
          errors.setField('text', imageDataError(next));
          setText(next);
          onChange(next.trim() === '' ? {} : { noteKind, text: next });
        }}
      />
      <p className="draft-status">{saved ? nl.logbook.draftSaved : '\u00a0'}</p>
      <FormError message={errors.general} />
      <FormButtons busy={busy} saveLabel={t.add} />
    </form>
  );
}
