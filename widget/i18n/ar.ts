import type { Strings } from '../view/strings.js';

/** Arabic: the panel is laid out right to left unless the element or the page sets `dir`. */
const ar: Partial<Strings> = {
  title: 'الدردشة',
  placeholder: 'اكتب رسالة…',
  launcherOpen: 'فتح الدردشة',
  launcherClose: 'إغلاق الدردشة',
  close: 'إغلاق',
  newConversation: 'محادثة جديدة',
  send: 'إرسال',
  stop: 'إيقاف',
  retry: 'إعادة المحاولة',
  loading: 'جارٍ تحميل المحادثة…',
  typing: 'يكتب…',
  empty: 'اسأل عن أي شيء. تظهر الردود هنا أثناء كتابتها.',
  you: 'أنت',
  assistant: 'المساعد',
  failed: 'لم تُرسَل.',
  interrupted: 'انقطع الرد.',
  stopped: 'تم الإيقاف.',
  missingEndpoint: 'هذه الدردشة غير مُعدّة بعد: السمة endpoint مفقودة.',
  errorNetwork: 'تعذّر الوصول إلى خادم الدردشة. تحقّق من اتصالك.',
  errorRateLimited: 'رسائل كثيرة في وقت واحد. يُرجى الانتظار قليلًا.',
  errorRateLimitedIn: 'رسائل كثيرة في وقت واحد. حاول مرة أخرى بعد {s} ث.',
  errorTooLong: 'هذه الرسالة طويلة جدًا.',
  errorForbidden: 'هذه الدردشة غير متاحة لك حاليًا.',
  errorServer: 'المساعد غير متاح حاليًا. يُرجى المحاولة مرة أخرى.',
  errorInterrupted: 'توقف الرد قبل أن يكتمل.',
  errorGeneric: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  offline: 'أنت غير متصل بالإنترنت. ستُرسَل الرسائل عند عودة الاتصال.',
  retryingIn: 'إعادة المحاولة بعد {s} ث…',
  cancel: 'إلغاء',
  jump: 'الانتقال إلى أحدث رسالة',
  copy: 'نسخ',
  copied: 'تم النسخ',
};

export default ar;
