import type { Strings } from '../view/strings.js';

/** Japanese. */
const ja: Partial<Strings> = {
  title: 'チャット',
  placeholder: 'メッセージを入力…',
  launcherOpen: 'チャットを開く',
  launcherClose: 'チャットを閉じる',
  close: '閉じる',
  newConversation: '新しい会話',
  send: '送信',
  stop: '停止',
  retry: '再送信',
  loading: '会話を読み込んでいます…',
  typing: '入力中…',
  empty: '何でも質問してください。回答は書かれるそばからここに表示されます。',
  you: 'あなた',
  assistant: 'アシスタント',
  failed: '送信できませんでした。',
  interrupted: '回答が途中で途切れました。',
  stopped: '停止しました。',
  missingEndpoint: 'このチャットはまだ設定されていません。endpoint 属性がありません。',
  errorNetwork: 'チャットサーバーに接続できません。接続を確認してください。',
  errorRateLimited: 'メッセージが多すぎます。しばらくお待ちください。',
  errorRateLimitedIn: 'メッセージが多すぎます。{s} 秒後にもう一度お試しください。',
  errorTooLong: 'メッセージが長すぎます。',
  errorForbidden: '現在、このチャットはご利用いただけません。',
  errorServer: '現在、アシスタントを利用できません。もう一度お試しください。',
  errorInterrupted: '回答が終わる前に止まりました。',
  errorGeneric: '問題が発生しました。もう一度お試しください。',
  offline: 'オフラインです。オンラインに戻るとメッセージが送信されます。',
  retryingIn: '{s} 秒後に再試行します…',
  cancel: 'キャンセル',
  jump: '最新のメッセージへ',
  copy: 'コピー',
  copied: 'コピーしました',
};

export default ja;
