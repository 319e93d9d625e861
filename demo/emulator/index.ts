export { createEmulator, EMULATOR_AGENT_ID, EMULATOR_API_KEY } from './create-emulator.js';
export { formatContext, MAX_CONTEXT_LENGTH } from './format-context.js';
export { MAGIC_FAULTS, parseMagicFaults } from './magic-faults.js';
export { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './read-history.js';
export type { MagicFaultName, ParsedMagic } from './magic-faults.js';
export type {
  Emulator,
  EmulatorFaults,
  EmulatorOptions,
  EmulatorRoute,
  RequestLogEntry,
  SessionResponseShape,
  StoredMessage,
  StreamOutcome,
} from './types.js';
