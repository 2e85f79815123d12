/** The paper's Table 1: China's and the USA's EV policies compared on six elements. */
import type { SeedContent } from '../types.ts'

export const comparison: SeedContent['comparison'] = {
	key: 'ev-policy-china-usa',
	rows: [
		{
			key: 'objectives',
			sortOrder: 1,
			text: {
				en: {
					element: 'Policy objectives',
					china: 'New energy vehicles (NEVs) to account for 50% of new-car sales by 2035',
					usa: 'Electric vehicles to account for 50% of new-car sales by 2030',
				},
				zh: {
					element: '政策目标',
					china: '到2035年，新能源汽车占新车销量的50%',
					usa: '到2030年，电动汽车占新车销量的50%',
				},
			},
		},
		{
			key: 'incentives',
			sortOrder: 2,
			text: {
				en: {
					element: 'Incentives',
					china: 'Car purchase subsidies, purchase-tax exemptions, R&D subsidies, etc.',
					usa: 'US$7,500 car purchase tax credit; infrastructure subsidies',
				},
				zh: {
					element: '激励措施',
					china: '购车补贴、购置税减免、研发补贴等',
					usa: '7,500美元购车税收抵免；基础设施补贴',
				},
			},
		},
		{
			key: 'infrastructure',
			sortOrder: 3,
			text: {
				en: {
					element: 'Infrastructure',
					china:
						'Large-scale build-out of public and private charging points; promotion of the battery-swap model',
					usa: 'A national network of 500,000 public chargers; upgrades to power-grid facilities',
				},
				zh: {
					element: '基础设施建设',
					china: '大力建设公共和私人充电桩，推广换电模式',
					usa: '在全国建设50万个公共充电桩，升级电网设施',
				},
			},
		},
		{
			key: 'market-supervision',
			sortOrder: 4,
			text: {
				en: {
					element: 'Market supervision',
					china:
						'The "dual-credit" policy for new energy vehicles: automakers must balance credits across NEV and conventional-vehicle sales, or buy surplus credits from other companies',
					usa: 'Stricter fuel-economy and emission standards',
				},
				zh: {
					element: '市场监管',
					china:
						'实施新能源汽车“双积分”政策：车企须在新能源汽车与燃油车销售中实现积分平衡，未达标企业须购买其他企业的盈余积分',
					usa: '提高燃油经济性和排放标准',
				},
			},
		},
		{
			key: 'technical-support',
			sortOrder: 5,
			text: {
				en: {
					element: 'Technical support',
					china:
						'Support for R&D in batteries, battery swapping and connected-vehicle technologies',
					usa: 'Support for innovation in intelligent connected-vehicle and autonomous-driving technologies',
				},
				zh: {
					element: '技术支持',
					china: '支持电池、换电和网联技术的研发',
					usa: '支持智能网联和自动驾驶技术创新',
				},
			},
		},
		{
			key: 'companies',
			sortOrder: 6,
			text: {
				en: {
					element: 'Representative companies',
					china: 'BYD, Xiaomi Auto and others',
					usa: 'Tesla, Ford, General Motors and others',
				},
				zh: {
					element: '代表企业',
					china: '比亚迪、小米汽车等',
					usa: '特斯拉、福特、通用汽车等',
				},
			},
		},
	],
	source: {
		en: 'Zhang Yujing, “Sino-US Electric Vehicle Policy Coordination and Cooperation Under the Goal of Carbon Neutrality”, Table 1.',
		zh: 'Zhang Yujing：“Sino-US Electric Vehicle Policy Coordination and Cooperation Under the Goal of Carbon Neutrality”（《碳中和目标下的中美电动汽车政策协调与合作》），表1。',
	},
}
