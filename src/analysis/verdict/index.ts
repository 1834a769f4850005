/** Verdict signals: plain-language reasons an alert looks malicious or benign, weighed into a headline. */
export { type AlertSignalInput, alertSignals, commandLineImage, encodingSignals } from './alert-signals.js';
export { commandRuleSignals } from './command-signals.js';
export {
  commandLineUnpackOptions,
  encodedCommandSignal,
  maxCommandLineChars,
  unpackCommandLine,
} from './encoded-command.js';
export { iocSignals, type ScannedObservable } from './ioc-signals.js';
export { imitatedBinary, masqueradingSignals } from './masquerading.js';
export { mergeSignals, observationSignal, type StepObservation } from './merge-findings.js';
export { deobfuscate, obfuscationSignal } from './obfuscation.js';
export { doubleExtensionSignals, pathOdditySignals } from './path-oddities.js';
export { decodedPayloadText, readableDecodedText } from './readable-decoded.js';
export { scoreSignals, type Verdict, type VerdictOutcome } from './score.js';
export { evidenceText, type Signal, type SignalKind, type SignalLeaning, signal, signalWeights } from './signal.js';
