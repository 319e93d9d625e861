import type { Strings } from '../view/strings.js';

/** French. A no-break space (U+00A0) goes before `:` and the unit, as French typography wants. */
const fr: Partial<Strings> = {
  title: 'Discussion',
  placeholder: 'Écrivez un message…',
  launcherOpen: 'Ouvrir la discussion',
  launcherClose: 'Fermer la discussion',
  close: 'Fermer',
  newConversation: 'Nouvelle conversation',
  send: 'Envoyer',
  stop: 'Arrêter',
  retry: 'Réessayer',
  loading: 'Chargement de la conversation…',
  typing: 'En train d’écrire…',
  empty: 'Posez votre question. Les réponses s’affichent ici au fil de leur rédaction.',
  you: 'Vous',
  assistant: 'Assistant',
  failed: 'Non envoyé.',
  interrupted: 'La réponse a été interrompue.',
  stopped: 'Arrêté.',
  missingEndpoint: 'Cette discussion n’est pas encore configurée\u00a0: l’attribut endpoint manque.',
  errorNetwork: 'Impossible de joindre le serveur de discussion. Vérifiez votre connexion.',
  errorRateLimited: 'Trop de messages à la fois. Veuillez patienter un instant.',
  errorRateLimitedIn: 'Trop de messages à la fois. Réessayez dans {s}\u00a0s.',
  errorTooLong: 'Ce message est trop long.',
  errorForbidden: 'Cette discussion ne vous est pas accessible pour le moment.',
  errorServer: 'L’assistant n’est pas disponible pour le moment. Veuillez réessayer.',
  errorInterrupted: 'La réponse s’est arrêtée avant la fin.',
  errorGeneric: 'Une erreur s’est produite. Veuillez réessayer.',
  offline: 'Vous êtes hors ligne. Les messages seront envoyés dès votre retour en ligne.',
  retryingIn: 'Nouvel essai dans {s}\u00a0s…',
  cancel: 'Annuler',
  jump: 'Aller au dernier message',
  copy: 'Copier',
  copied: 'Copié',
};

export default fr;
