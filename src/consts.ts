/** Site-wide constants. */
export const SITE_TITLE = '臺北市政府會議紀錄典藏';
