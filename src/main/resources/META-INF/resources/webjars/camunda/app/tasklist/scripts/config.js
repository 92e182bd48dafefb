// ComplaintFlow's Tasklist configuration (replaces the one Camunda ships; see the webapps' config.js documentation).
export default {
  // a browser set to Chinese gets Simplified Chinese, every other one English: the webapps match only the language
  // part of the browser's first language, so the zh-CN texts live in locales/zh.json
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  // queues open with the most urgent task first: earliest due date, then highest priority
  customScripts: ['scripts/urgent-first'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
