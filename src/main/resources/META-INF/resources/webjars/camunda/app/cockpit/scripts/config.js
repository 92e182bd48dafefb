// ComplaintFlow's configuration of this Camunda webapp (replaces the empty one Camunda ships; see the webapps'
// config.js documentation). A browser set to Chinese gets Simplified Chinese, every other one English: the webapps
// match only the language part of the browser's first language, so the zh-CN texts live in locales/zh.json.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  // the dashboard lists closed complaints: CE Cockpit shows no finished process instances of its own
  customScripts: ['scripts/closed-complaints']
};
