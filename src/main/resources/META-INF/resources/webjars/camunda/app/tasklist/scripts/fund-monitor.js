/*
 * Fund Monitor's additions to Tasklist, registered in config.js (customScripts): forms that submit,
 * amounts that never change silently, Chinese throughout, search by project, dates people can read.
 */
import { patchForms } from '../../fund-monitor/forms.js';
import { startTranslating } from '../../fund-monitor/i18n.js';
import { startTasklist } from '../../fund-monitor/tasklist.js';

patchForms();
startTranslating();
startTasklist();

export default [];
