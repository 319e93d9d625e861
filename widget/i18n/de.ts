import type { Strings } from '../view/strings.js';

/** German. */
const de: Partial<Strings> = {
  title: 'Chat',
  placeholder: 'Nachricht schreiben…',
  launcherOpen: 'Chat öffnen',
  launcherClose: 'Chat schließen',
  close: 'Schließen',
  newConversation: 'Neues Gespräch',
  send: 'Senden',
  stop: 'Anhalten',
  retry: 'Erneut senden',
  loading: 'Gespräch wird geladen…',
  typing: 'Schreibt…',
  empty: 'Fragen Sie einfach. Die Antworten erscheinen hier, während sie geschrieben werden.',
  you: 'Sie',
  assistant: 'Assistent',
  failed: 'Nicht gesendet.',
  interrupted: 'Die Antwort wurde abgeschnitten.',
  stopped: 'Angehalten.',
  missingEndpoint: 'Dieser Chat ist noch nicht eingerichtet: Das Attribut endpoint fehlt.',
  errorNetwork: 'Der Chat-Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
  errorRateLimited: 'Zu viele Nachrichten auf einmal. Bitte warten Sie einen Moment.',
  errorRateLimitedIn: 'Zu viele Nachrichten auf einmal. Bitte versuchen Sie es in {s} s erneut.',
  errorTooLong: 'Diese Nachricht ist zu lang.',
  errorForbidden: 'Dieser Chat steht Ihnen gerade nicht zur Verfügung.',
  errorServer: 'Der Assistent ist gerade nicht verfügbar. Bitte versuchen Sie es erneut.',
  errorInterrupted: 'Die Antwort brach ab, bevor sie fertig war.',
  errorGeneric: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  offline: 'Sie sind offline. Nachrichten werden gesendet, sobald Sie wieder online sind.',
  retryingIn: 'Neuer Versuch in {s} s…',
  cancel: 'Abbrechen',
  jump: 'Zur neuesten Nachricht',
  copy: 'Kopieren',
  copied: 'Kopiert',
};

export default de;
