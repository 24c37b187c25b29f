/* Fund Monitor: lang="zh-CN" for screen readers and fonts (registered in config.js). */
import { startTranslating } from '../../fund-monitor/i18n.js';

startTranslating();

export default [];
