/** Topic tags of the demo news, in both languages. */
import type { SeedTag } from '../types.ts'

export const tags: SeedTag[] = [
	{ slug: 'tariffs', label: { en: 'Tariffs', zh: '关税' } },
	{ slug: 'charging-standards', label: { en: 'Charging standards', zh: '充电标准' } },
	{ slug: 'batteries', label: { en: 'Batteries', zh: '动力电池' } },
	{ slug: 'mutual-recognition', label: { en: 'Mutual recognition', zh: '标准互认' } },
	{ slug: 'data-sharing', label: { en: 'Data sharing', zh: '数据共享' } },
	{ slug: 'heavy-duty-trucks', label: { en: 'Heavy-duty trucks', zh: '重型卡车' } },
	{ slug: 'research', label: { en: 'Research', zh: '研究' } },
	{ slug: 'events', label: { en: 'Events', zh: '活动' } },
	{ slug: 'public-consultation', label: { en: 'Public consultation', zh: '公开征求意见' } },
]
