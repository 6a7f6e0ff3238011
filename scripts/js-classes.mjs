// Budget classes of the JS chunks (issue 19), shared by scripts/js-size.mjs,
// which measures them, and scripts/chunk-groups.ts, which keeps every module
// in its class when it groups shared modules into chunks.

/**
 * Issue 20: sync code loads only when sync is set up and is counted apart from
 * "all", against its own 50 KiB. A chunk counts as sync when its source is
 * under one of these paths, or (shared chunks have no source in the manifest)
 * when its file is named after one of these modules.
 */
export const syncSources = [
  'app/data/sync/',
  'app/ui/sync-',
  'app/features/settings/sync-',
  'app/features/lock/pair-join-form',
  'app/i18n/nl/sync',
  'app/ui/sync-conflicts',
  // Issue 13: the one-time code card and the remove dialog, used only by the sync and team settings sections.
  'app/ui/one-time-code',
  'app/ui/remove-dialog',
];
export const syncChunkNames =
  /^assets\/(sync|sync-section|sync-status|sync-trouble|sync-conflicts|pairing|pair-join-form|devices|remote|runtime|replicator|codec|merge|config|local|http|status|conflicts|autostart|one-time-code|remove-dialog)-[\w-]{8}\.js$/;

/**
 * Issue 21: team code (lazy: Instellingen → Team, the team rounds, the case
 * page's "Toegang", the team parts of Opvolging and Export) loads only on a
 * device in a team and is counted apart, against its own 40 KiB.
 */
export const teamSources = [
  'app/data/team/',
  'app/features/settings/team-',
  'app/i18n/nl/team',
  'app/features/logbook/team-access-section',
  'app/features/follow-up/team-',
  'app/features/export/team-',
  // The refresh texts both team panels share.
  'app/ui/team-',
];
export const teamChunkNames =
  /^assets\/(team-section|team|members|seal|identity|sealed-meta|share-runtime|share-sync|share-hooks|share|team-access-section|has-team|coord-sync|coord-view|coord-autostart|coord-hooks|team-coord|join-watch|join-hooks|share-db|account-refusal|team-account|team-follow-up|team-figures-section|team-refresh-text)-[\w-]{8}\.js$/;

/** Source files whose chunks are on the critical path besides the entry. */
export const criticalSources = [
  'app/features/knowledge/stappenplan-screen.tsx',
  'app/features/knowledge/verwijzingen-screen.tsx',
  'app/features/knowledge/vlaggensysteem-screen.tsx',
  'app/features/knowledge/begrippen-screen.tsx',
];
