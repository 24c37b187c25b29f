/*
 * Fund Monitor's additions to Cockpit, registered in config.js (customScripts): Chinese in the
 * DMN table viewer (dmn-js writes its own English) and lang="zh-CN".
 */
import { startTranslating } from '../../fund-monitor/i18n.js';

startTranslating();

export default [];
