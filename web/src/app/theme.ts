import type { ThemeConfig } from 'antd';

// A sober palette for a finance office: government blue, neutral greys, red kept for errors.
export const UI_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorInfo: '#1f4e8c',
    colorSuccess: '#2f7d32',
    colorWarning: '#c77700',
    colorError: '#b3261e',
    colorLink: '#1f4e8c',
    borderRadius: 4,
    fontFamily: UI_FONT,
    fontSize: 14,
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: { headerBg: '#15345c', headerHeight: 52, headerPadding: '0 20px' },
    Menu: {
      darkItemBg: '#15345c',
      darkItemSelectedBg: '#1f4e8c',
      darkPopupBg: '#15345c',
    },
    Table: { headerBg: '#eef2f7', cellPaddingBlockSM: 6 },
    Card: { headerFontSize: 15 },
  },
};
