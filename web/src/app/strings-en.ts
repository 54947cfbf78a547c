import { type Strings, zh } from './strings.ts';
export const en: Strings = zh;
