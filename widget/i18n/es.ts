import type { Strings } from '../view/strings.js';

/** Spanish. */
const es: Partial<Strings> = {
  title: 'Chat',
  placeholder: 'Escribe un mensaje…',
  launcherOpen: 'Abrir chat',
  launcherClose: 'Cerrar chat',
  close: 'Cerrar',
  newConversation: 'Nueva conversación',
  send: 'Enviar',
  stop: 'Detener',
  retry: 'Reintentar',
  loading: 'Cargando la conversación…',
  typing: 'Escribiendo…',
  empty: 'Pregunta lo que quieras. Las respuestas aparecen aquí a medida que se escriben.',
  you: 'Tú',
  assistant: 'Asistente',
  failed: 'No enviado.',
  interrupted: 'La respuesta se cortó.',
  stopped: 'Detenido.',
  missingEndpoint: 'Este chat aún no está configurado: falta el atributo endpoint.',
  errorNetwork: 'No se puede conectar con el servidor del chat. Comprueba tu conexión.',
  errorRateLimited: 'Demasiados mensajes a la vez. Espera un momento.',
  errorRateLimitedIn: 'Demasiados mensajes a la vez. Inténtalo de nuevo en {s} s.',
  errorTooLong: 'Ese mensaje es demasiado largo.',
  errorForbidden: 'Este chat no está disponible para ti en este momento.',
  errorServer: 'El asistente no está disponible en este momento. Inténtalo de nuevo.',
  errorInterrupted: 'La respuesta se detuvo antes de terminar.',
  errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
  offline: 'Estás sin conexión. Los mensajes se enviarán cuando vuelvas a estar en línea.',
  retryingIn: 'Reintentando en {s} s…',
  cancel: 'Cancelar',
  jump: 'Ir al último mensaje',
  copy: 'Copiar',
  copied: 'Copiado',
};

export default es;
