/*
 * Fund Monitor's additions to Tasklist, registered in config.js (customScripts): forms that submit,
 * amounts that never change silently, Chinese throughout, dates people can read.
 */
import { patchForms } from '../../fund-monitor/forms.js';
import { startTranslating } from '../../fund-monitor/i18n.js';

patchForms();
startTranslating();

export default [];
