// The timeline. Notes are append-only: there is no edit or delete. A
// correction is a new note that supersedes the old one, with a reason; the old
// note stays readable, marked as replaced. In a team, each note's heading
// says who wrote it ("Door Anna"), so a shared case's notes can be told apart.
import { useEffect, useRef, useState } from 'react';
import {
  appendNoteInput,
  correctNoteInput,
  NOTE_MAX_LENGTH,
  noteKindSchema,
  type Note,
  type NoteKind,
} from '../../../schema/records/note';
import type { Party } from '../../../schema/records/party';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField } from '../../ui/field';
import { useLinkWarnings } from '../../ui/link-warning';
import { formatDateTime } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useOperationForm } from '../../ui/use-operation-form';
import { NameWarning } from './name-warning';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';
import type { DraftFields } from '../../data/drafts';
import { useFormDraft } from './use-form-draft';
import { RecordList } from '../../ui/item-list';
import { optionsOf } from './form-values';

const t = nl.logbook.notes;

/** A note's maximum length; the field takes no more. */
const NOTE_MAX = NOTE_MAX_LENGTH;
// The operations' inputs; the case, the corrected note and the time are added when saving.
const noteForm = appendNoteInput.omit({ caseId: true, at: true });
const correctForm = correctNoteInput.omit({ supersedes: true, noteKind: true });
const kindOptions = optionsOf(noteKindSchema.options, t.kinds);

/** The note form's draft name; its stored id is random per case (app/data/drafts.ts), so it never names the case. */
export const NOTE_DRAFT = 'note';

export function NotesSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const caseId = detail.case.id;
  const byId = new Map(detail.notes.map((note) => [note.id, note]));
  // Every correction of each note: more than one when it was corrected on two devices (or by two
  // colleagues) before they synchronised; none of them is then the one, and the timeline says so.
  const corrections = new Map<string, Note[]>();
  for (const note of detail.notes) {
    if (note.supersedes) corrections.set(note.supersedes, [...(corrections.get(note.supersedes) ?? []), note]);
  }
  // Each note's time, as its heading and buttons name it: notes of the same minute are told apart by
  // their seconds, and notes of the same second by their place ("(2)").
  const whenOf = noteTimes(detail.notes, (note) => note.at);
  // When each was written, told apart the same way: a correction is named by it ("Vervangen door de
  // correctie van …"; a review found two corrections of the same minute named alike).
  const writtenAt = noteTimes(detail.notes, (note) => note.createdAt);
  const written = (note: Note): string => writtenAt.get(note.id) ?? formatDateTime(note.createdAt);

  return (
    <CaseSection id="tijdlijn" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <RecordList items={detail.notes} empty={t.none} className="record-list timeline" ordered>
        {(note) => (
          <NoteCard
            note={note}
            replacedBy={corrections.get(note.id) ?? []}
            replaces={note.supersedes ? byId.get(note.supersedes) : undefined}
            alongside={note.supersedes ? (corrections.get(note.supersedes) ?? []).filter((c) => c !== note) : []}
            parties={detail.parties}
            onSaved={setSaved}
            when={whenOf.get(note.id) ?? formatDateTime(note.at)}
            written={written}
            whenOf={(other) => whenOf.get(other.id) ?? formatDateTime(other.at)}
          />
        )}
      </RecordList>
      <SavedStatus message={saved} />
      <NewNote caseId={caseId} parties={detail.parties} onSaved={setSaved} />
    </CaseSection>
  );
}

function noteTimes(notes: readonly Note[], time: (note: Note) => string): Map<string, string> {
  const count = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const minutes = notes.map((note) => formatDateTime(time(note)));
  const perMinute = count(minutes);
  const labels = notes.map((note, i) => {
    const minute = minutes[i] ?? '';
    return (perMinute.get(minute) ?? 0) > 1
      ? `${minute}:${String(new Date(time(note)).getSeconds()).padStart(2, '0')}`
      : minute;
  });
  const perLabel = count(labels);
  const seen = new Map<string, number>();
  return new Map(
    notes.map((note, i) => {
      const label = labels[i] ?? '';
      if ((perLabel.get(label) ?? 0) < 2) return [note.id, label];
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      return [note.id, `${label} (${n})`];
    }),
  );
}

/** When each of `notes` was written, as one phrase ("… en …"). */
function writtenOn(notes: readonly Note[], written: (note: Note) => string): string {
  const dates = notes.map(written);
  return dates.length < 2 ? (dates[0] ?? '') : `${dates.slice(0, -1).join(', ')} en ${dates.at(-1) ?? ''}`;
}

function NoteCard({
  note,
  replacedBy: corrections,
  replaces,
  alongside,
  parties,
  onSaved,
  when,
  written,
  whenOf,
}: {
  note: Note;
  /** Its corrections (none: it is current). */
  replacedBy: readonly Note[];
  replaces: Note | undefined;
  /** For a correction: the other corrections of the same note, made without knowing of this one. */
  alongside: readonly Note[];
  parties: readonly Party[];
  onSaved: (message: string) => void;
  when: string;
  /** When a note was written, as the timeline tells it apart from others of the same minute. */
  written: (note: Note) => string;
  /** Another note's time as its heading says it (the note a correction replaces). */
  whenOf: (note: Note) => string;
}) {
  const replacedBy = corrections[0];
  return (
    <article
      className={replacedBy ? 'record-card note note--superseded' : 'record-card note'}
      aria-labelledby={`note-${note.id}`}
    >
      <h3 id={`note-${note.id}`} className="record-card__title">
        {when} — {t.kinds[note.noteKind]}
        {note.by ? <span className="record-card__meta"> — {t.by(note.by.name)}</span> : null}
        {replacedBy ? <span className="badge"> {t.superseded}</span> : null}
      </h3>
      {replacedBy ? (
        <p className="note__replaced">
          {corrections.length > 1
            ? t.supersededByMany(writtenOn(corrections, written))
            : t.supersededBy(written(replacedBy))}
        </p>
      ) : null}
      {alongside.length > 0 ? <p className="callout">{t.alsoCorrected(writtenOn(alongside, written))}</p> : null}
      {note.supersedes && note.reason ? (
        <p className="note__correction">
          {t.correctionOf(replaces ? whenOf(replaces) : '—', note.reason, written(note))}
        </p>
      ) : null}
      {replacedBy ? (
        <p className="preserve-lines note__text">
          <s>{note.text}</s>
        </p>
      ) : (
        <p className="preserve-lines note__text">{note.text}</p>
      )}
      <Expander
        label={t.correct}
        buttonLabel={t.correctLabel(when, t.kinds[note.noteKind])}
        onSaved={onSaved}
        changed={replacedBy ? nl.logbook.changedMeanwhile.note : undefined}
      >
        {(close, saved) => (
          <CorrectForm note={note} when={when} parties={parties} onDone={() => saved(t.corrected)} onCancel={close} />
        )}
      </Expander>
    </article>
  );
}

function CorrectForm({
  note,
  when,
  parties,
  onDone,
  onCancel,
}: {
  note: Note;
  when: string;
  parties: readonly Party[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const links = useLinkWarnings<'text' | 'reason'>({ text: 'images', reason: 'images' });
  const form = useOperationForm({
    initial: { text: note.text, reason: '' },
    schema: correctForm,
    check: links.check,
    run: (input) =>
      runOperation('correctNote', { supersedes: note.id, text: input.text.trim(), reason: input.reason.trim() }),
    onDone,
    fields: ['text', 'reason'],
    liveImageCheck: ['text', 'reason'],
  });

  return (
    <form {...form.formProps} className="logbook-form" aria-label={t.correctLabel(when, t.kinds[note.noteKind])}>
      <TextAreaField
        label={t.correctedText}
        hint={roomLeft(form.values.text.length)}
        maxLength={NOTE_MAX}
        noticeWhenFull={false}
        {...form.text('text')}
      />
      <AtMaximum length={form.values.text.length} />
      <NameWarning
        text={form.values.text}
        parties={parties}
        where={nl.logbook.names.inCorrection(when)}
        onReplace={(text) => form.patch({ text })}
      />
      {links.notice('text', form.values.text, t.correctedText)}
      <TextAreaField label={t.reason} hint={t.reasonHint} maxLength={500} required {...form.text('reason')} />
      {links.notice('reason', form.values.reason, t.reason)}
      <FormError message={form.general} />
      <FormButtons busy={form.busy} saveLabel={t.saveCorrection} onCancel={onCancel} />
    </form>
  );
}

/** The new-note form, kept as an encrypted draft while typing. */
function NewNote({
  caseId,
  parties,
  onSaved,
}: {
  caseId: string;
  parties: readonly Party[];
  onSaved: (message: string) => void;
}) {
  const draft = useFormDraft(NOTE_DRAFT, caseId);
  const [formKey, setFormKey] = useState(0);
  // What was typed between the saved note's last check and the empty form's first render (the
  // old form still takes input until it unmounts): the new form starts with it (npm test lost a fill
  // that landed in that gap). `emptying`: set from that check until the new form renders.
  const [carried, setCarried] = useState<DraftFields | null>(null);
  const emptying = useRef(false);
  // After a thrown-away draft the empty form's text field takes focus (its button left with the draft).
  const [discarded, setDiscarded] = useState(false);
  if (draft.initial === undefined) return null;
  return (
    <NoteForm
      key={formKey}
      caseId={caseId}
      parties={parties}
      initial={formKey === 0 ? draft.initial : carried}
      onChange={(fields) => {
        draft.update(fields);
        if (emptying.current) setCarried(fields);
      }}
      onMounted={() => {
        emptying.current = false;
      }}
      saved={draft.saved}
      discard={draft.discard}
      restored={formKey === 0 && (draft.initial?.text ?? '').trim() !== ''}
      focusText={discarded}
      onDiscarded={() => {
        setCarried(null);
        setDiscarded(true);
        setFormKey((k) => k + 1);
      }}
      onDone={(typedOn) => {
        // Typed while saving: the form stays, with only that text (its draft follows the field).
        if (typedOn) return onSaved(t.savedTypedOn);
        emptying.current = true;
        setDiscarded(false);
        setCarried(null);
        setFormKey((k) => k + 1);
        onSaved(t.saved);
      }}
    />
  );
}

function NoteForm({
  caseId,
  parties,
  initial,
  onChange,
  saved,
  discard,
  restored,
  focusText,
  onDiscarded,
  onDone,
  onMounted,
}: {
  caseId: string;
  parties: readonly Party[];
  initial: DraftFields | null;
  /**
   * The form holds a draft from an earlier visit (a reload, a lock): said, with a way to throw it away
   * (a review: a hurried worker could add to an old half-sentence without noticing).
   */
  restored: boolean;
  /** After the worker threw the restored draft away: an empty form follows. */
  onDiscarded: () => void;
  /** Focus the text field on mount (the form that follows a thrown-away draft). */
  focusText: boolean;
  onChange: (fields: DraftFields) => void;
  /** After this form's first render is on screen (the previous form can take no more input). */
  onMounted: () => void;
  saved: boolean;
  /** Forgets the form's draft once its note is saved. */
  discard: () => Promise<void>;
  /** `typedOn`: the field changed while the note was being saved and keeps what was typed. */
  onDone: (typedOn: boolean) => void;
}) {
  const parsedKind = noteKindSchema.safeParse(initial?.noteKind);
  const links = useLinkWarnings<'text'>({ text: 'images' });
  // The field's text as typed, also while a save is awaited (a render's `form.values` would be stale).
  const typed = useRef(initial?.text ?? '');
  const form = useOperationForm({
    initial: { noteKind: parsedKind.success ? parsedKind.data : ('gesprek' as NoteKind), text: initial?.text ?? '' },
    schema: noteForm,
    check: links.check,
    // A blank text is no draft worth keeping.
    onChange: (values) => {
      typed.current = values.text;
      onChange(values.text.trim() === '' ? {} : values);
    },
    run: async (input, submitted) => {
      await runOperation('appendNote', { caseId, noteKind: input.noteKind, text: input.text.trim() });
      await discard();
      // A slow save lets the worker type on (until the draft is gone too): those words are not in the
      // note and must not go with the form.
      const rest = typedWhileSaving(submitted.text, typed.current);
      if (rest !== '') form.patch({ text: rest });
      onDone(rest !== '');
    },
    fields: ['text'],
    liveImageCheck: ['text'],
  });
  typed.current = form.values.text;
  useEffect(() => onMounted(), []); // eslint-disable-line react-hooks/exhaustive-deps -- once, at mount
  // Throwing away typed text is asked first, as for a new incident's draft.
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  return (
    <form {...form.formProps} className="card logbook-form" aria-labelledby="note-form-title">
      <h3 id="note-form-title">{t.formTitle}</h3>
      {restored ? <p className="callout">{nl.logbook.draftRestored}</p> : null}
      <RadioGroup legend={t.kind} name="note-kind" options={kindOptions} inline {...form.choice('noteKind')} />
      <TextAreaField
        label={t.text}
        hint={[t.textHint, roomLeft(form.values.text.length)].filter(Boolean).join(' ')}
        maxLength={NOTE_MAX}
        noticeWhenFull={false}
        autoFocus={focusText}
        {...form.text('text')}
      />
      <AtMaximum length={form.values.text.length} />
      <NameWarning
        text={form.values.text}
        parties={parties}
        where={nl.logbook.names.inNewNote}
        onReplace={(text) => form.patch({ text })}
      />
      {links.notice('text', form.values.text, t.text)}
      <p className="draft-status">{saved ? nl.logbook.draftSaved : '\u00a0'}</p>
      <FormError message={form.general} />
      <FormButtons
        busy={form.busy}
        saveLabel={t.add}
        extra={
          restored ? (
            <Button
              type="button"
              className="button button--danger"
              onClick={() => setConfirmDiscard(true)}
              disabled={form.busy}
            >
              {nl.logbook.discardDraft}
            </Button>
          ) : null
        }
      />
      <ConfirmDialog
        open={confirmDiscard}
        title={nl.logbook.discardDraftTitle}
        confirmLabel={nl.logbook.discardDraftConfirm}
        cancelLabel={nl.logbook.discardDraftCancel}
        danger
        onConfirm={() => {
          setConfirmDiscard(false);
          void discard().then(onDiscarded);
        }}
        onCancel={() => setConfirmDiscard(false)}
      >
        <p>{nl.logbook.discardDraftBody}</p>
      </ConfirmDialog>
    </form>
  );
}

/**
 * What the field holds beyond the saved text: the part typed after it, or the
 * whole field when the saved part itself was changed (the worker decides).
 */
function typedWhileSaving(submitted: string, now: string): string {
  if (now === submitted) return '';
  return now.startsWith(submitted) ? now.slice(submitted.length).replace(/^\s+/, '') : now;
}

/** From 90 % of the maximum on, how much room is left (in the field's hint, read with the field). */
function roomLeft(length: number): string | undefined {
  return length >= NOTE_MAX * 0.9 && length < NOTE_MAX ? t.charactersLeft(NOTE_MAX - length, NOTE_MAX) : undefined;
}

/**
 * At the maximum a warning says so: a paste longer than the room is cut by the
 * field, so the worker must know to continue in a new note.
 */
function AtMaximum({ length }: { length: number }) {
  return length >= NOTE_MAX ? (
    <p role="alert" className="field__error">
      {t.atMaximum(NOTE_MAX)}
    </p>
  ) : null;
}
