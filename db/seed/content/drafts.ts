/**
 * The demo policy drafts: two proposals from the paper's sections 3.1 and
 * 3.3 (see ../../../shared/seeds/004_*), co-written by fictional researchers
 * in Davis and Beijing (no real people, no real officials, no statistics
 * presented as findings):
 *
 * - "China-US EV Tariff Coordination Mechanism" (Tariff Coordination group),
 *   still being drafted: three saves by three authors, the last of which
 *   changed an English section after its Chinese translation was made, so
 *   that translation is outdated; comment threads, one resolved.
 * - "Mutual Recognition Agreement on Electric Vehicle Market Access" (Market
 *   Access group), written first in Chinese, revised, reviewed, approved and
 *   published, so the public sees a finished proposal.
 */
import type { SeedDraft, SeedDraftPerson } from '../types.ts'

/** Their addresses are on a subdomain of their own: they are authors on paper, not the demo sign-in accounts. */
export const draftPeople: SeedDraftPerson[] = [
	{ key: 'dana', email: 'dana.whitfield@authors.zevlab.example', name: 'Dana Whitfield', lang: 'en', timeZone: 'America/Los_Angeles' },
	{ key: 'chen', email: 'chen.siyuan@authors.zevlab.example', name: '陈思远', lang: 'zh', timeZone: 'Asia/Shanghai' },
	{ key: 'samuel', email: 'samuel.ortiz@authors.zevlab.example', name: 'Samuel Ortiz', lang: 'en', timeZone: 'America/Los_Angeles' },
	{ key: 'zhou', email: 'zhou.xiaoning@authors.zevlab.example', name: '周晓宁', lang: 'zh', timeZone: 'Asia/Shanghai' },
]

const TARIFF_PRIORITIES_EN = `## Priority components

The first round of negotiations covers the components where tariffs weigh most on costs and where both industries depend on each other:

1. power batteries and battery modules;
2. vehicle chips;
3. electronic control systems.

Finished vehicles follow in a second round, once the first round has been reviewed.`

const TARIFF_PRIORITIES_EN_REVISED = `## Priority components

The first round of negotiations covers the components where tariffs weigh most on costs and where both industries depend on each other:

1. power batteries and battery modules;
2. vehicle chips;
3. electronic control systems;
4. charging equipment for public and depot charging.

Finished vehicles follow in a second round, once the first round has been reviewed against the expected effects below.`

export const drafts: SeedDraft[] = [
	{
		key: 'tariff-coordination-mechanism',
		groupSlug: 'tariff-coordination',
		members: [
			{ person: 'dana', role: 'lead' },
			{ person: 'chen', role: 'member' },
			{ person: 'samuel', role: 'member' },
			{ person: 'zhou', role: 'observer' },
		],
		title: { en: 'China-US EV Tariff Coordination Mechanism', zh: '中美电动汽车关税协调机制' },
		original: 'en',
		sections: [
			{
				id: 'purpose',
				en: `## Purpose

This draft proposes a China-US Electric Vehicle Tariff Coordination Mechanism: a standing channel through which the two countries negotiate lower tariffs on electric vehicles and their core components, and review the effects together.`,
				zh: `## 目的

本草案建议建立“中美电动汽车关税协调机制”，作为两国就降低电动汽车及其核心零部件关税进行谈判、并共同评估效果的常设渠道。`,
			},
			{
				id: 'background',
				en: `## Background

Since 2018, tariffs on electric vehicles and their parts have risen on both sides. Higher tariffs raise the cost of electric vehicles, hold back the circulation of vehicles and parts between the two markets, and make the global supply chain less stable.

China leads in power batteries, battery swapping and intelligent connectivity; the United States leads in autonomous driving, the Internet of Vehicles and control software. Lower barriers would let each side build on the other's strengths.`,
				zh: `## 背景

自2018年以来，双方对电动汽车及其零部件的关税不断提高。关税上升推高了电动汽车成本，阻碍了整车和零部件在两个市场之间的流通，也削弱了全球供应链的稳定性。

中国在动力电池、换电技术和智能网联方面处于领先地位；美国在自动驾驶、车联网和控制软件方面具有优势。降低壁垒有助于双方发挥各自所长。`,
			},
			{
				id: 'priorities',
				en: TARIFF_PRIORITIES_EN,
				zh: `## 重点零部件

第一轮谈判涵盖关税对成本影响最大、双方产业相互依赖的零部件：

1. 动力电池及电池模组；
2. 车规级芯片；
3. 电控系统。

第一轮谈判成果经评估后，再在第二轮谈判中讨论整车关税。`,
			},
			{
				id: 'zerotariff',
				en: `## A zero-tariff zone

The mechanism should study a "zero tariff zone" for electric-vehicle parts, to encourage more companies to take part in cross-border trade and to integrate the industrial chain further.`,
				zh: `## 零关税区

该机制应研究设立电动汽车零部件“零关税区”，鼓励更多企业参与跨境贸易，推动产业链进一步融合。`,
			},
			{
				id: 'multilateral',
				en: `## Dialogue on multilateral platforms

Negotiations are prepared in policy dialogues on multilateral platforms such as the G20 and APEC, so that other economies can follow and join the results.`,
				zh: `## 多边平台对话

谈判依托二十国集团（G20）和亚太经合组织（APEC）等多边平台上的政策对话进行准备，使其他经济体能够了解并参与相关成果。`,
			},
			{
				id: 'effects',
				en: `## Expected effects

| Measure | Expected effect |
| --- | --- |
| Lower tariffs on core components | Lower costs for companies |
| A zero-tariff zone | Wider market circulation |
| Regular review | A more stable supply chain |`,
				zh: `## 预期效果

| 措施 | 预期效果 |
| --- | --- |
| 降低核心零部件关税 | 降低企业成本 |
| 设立零关税区 | 扩大市场流通 |
| 定期评估 | 增强供应链稳定性 |`,
			},
		],
		created: { by: 'dana', at: '2026-11-02T09:30:00-08:00', message: 'First outline from the paper, section 3.1' },
		revisions: [
			{
				by: 'chen',
				at: '2026-11-04T10:15:00+08:00',
				message: '润色中文译文，补充多边平台的说明',
				changes: [
					{
						id: 'multilateral',
						en: `## Dialogue on multilateral platforms

Negotiations are prepared in policy dialogues on multilateral platforms such as the G20 and APEC, so that other economies can follow and join the results. The lab's Multilateral Dialogue working group drafts the agenda for these dialogues.`,
						zh: `## 多边平台对话

谈判依托二十国集团（G20）和亚太经合组织（APEC）等多边平台上的政策对话进行准备，使其他经济体能够了解并参与相关成果。实验室的多边对话工作组负责起草这些对话的议程。`,
					},
				],
				translated: ['multilateral.zh'],
			},
			{
				by: 'samuel',
				at: '2026-11-09T16:40:00-08:00',
				message: 'Add charging equipment to the first round',
				changes: [{ id: 'priorities', en: TARIFF_PRIORITIES_EN_REVISED }],
			},
		],
		comments: [
			{
				by: 'chen',
				at: '2026-11-10T09:05:00+08:00',
				section: 'zerotariff',
				lang: 'en',
				quote: 'a "zero tariff zone" for electric-vehicle parts',
				body: '@Dana Whitfield Should the zone also cover battery recycling? The paper only mentions parts.',
				mentions: ['dana'],
				replies: [{ by: 'dana', at: '2026-11-10T08:20:00-08:00', body: 'Good point. Let us raise it at the next meeting before we change the text.' }],
			},
			{
				by: 'zhou',
				at: '2026-11-05T14:30:00+08:00',
				section: 'background',
				lang: 'zh',
				quote: '自2018年以来，双方对电动汽车及其零部件的关税不断提高。',
				body: '这里是否需要注明关税变化的具体来源？',
				replies: [{ by: 'chen', at: '2026-11-05T16:00:00+08:00', body: '引用论文第3.1节即可，不再列出具体税率。' }],
				resolved: { by: 'chen', at: '2026-11-05T16:05:00+08:00' },
			},
		],
	},
	{
		key: 'mutual-recognition-agreement',
		groupSlug: 'market-access',
		members: [
			{ person: 'chen', role: 'lead' },
			{ person: 'dana', role: 'member' },
			{ person: 'zhou', role: 'member' },
		],
		title: { en: 'Mutual Recognition Agreement on Electric Vehicle Market Access', zh: '电动汽车市场准入互认协议' },
		original: 'zh',
		sections: [
			{
				id: 'purpose',
				zh: `## 目的

中美两国电动汽车市场准入标准差异较大，尤其体现在动力电池认证、换电技术标准和整车安全检测标准方面。本草案建议两国协商签署“电动汽车市场准入互认协议”，实现电动汽车产品认证对接，降低企业进入市场的成本。`,
				en: `## Purpose

Market access standards for electric vehicles differ widely between China and the United States, especially in power battery certification, battery swapping standards and vehicle safety testing. This draft proposes that the two countries negotiate and sign a Mutual Recognition Agreement on Electric Vehicle Market Access, so that product certification is recognised on both sides and companies' costs of entering the market fall.`,
			},
			{
				id: 'certification',
				zh: `## 认证对接

- 简化电动汽车认证流程，减少产品进入市场前的重复检测；
- 对动力电池检测标准进行协调；
- 确保车辆操作系统的兼容性。`,
				en: `## Certification

- Simplify the certification process for electric vehicles and reduce repeated testing before products enter the market;
- coordinate power battery testing standards;
- ensure the compatibility of vehicle operating systems.`,
			},
			{
				id: 'charging',
				zh: `## 充电接口标准

两国统一充电接口技术标准，确保电动汽车充电网络在中美两个市场的兼容性，降低企业的适配成本。`,
				en: `## Charging interface standards

The two countries unify the technical standards of charging interfaces, so that charging networks are compatible in both markets and companies' adaptation costs fall.`,
			},
			{
				id: 'dialoguegroup',
				zh: `## 市场对话小组

在二十国集团和亚太经合组织等多边合作平台上设立“中美电动汽车市场对话小组”，定期协调电动汽车市场准入标准，确保标准的对接与融合。`,
				en: `## Market dialogue group

A China-US Electric Vehicle Market Dialogue Group is set up on multilateral platforms such as the G20 and APEC to coordinate market access standards regularly and keep them aligned.`,
			},
		],
		created: { by: 'chen', at: '2026-10-20T10:00:00+08:00', message: '根据论文第3.3节起草' },
		revisions: [
			{
				by: 'dana',
				at: '2026-10-22T11:30:00-07:00',
				message: 'Tighten the English; add implementation steps',
				changes: [
					{
						id: 'steps',
						en: `## Implementation steps

1. A joint expert group compares the two certification regimes.
2. Both sides agree on a first list of mutually recognised tests.
3. The agreement is reviewed after two years.`,
						zh: `## 实施步骤

1. 联合专家组对比两国的认证制度。
2. 双方商定第一批互认的检测项目。
3. 协议实施两年后进行评估。`,
					},
				],
				translated: ['steps.zh'],
			},
		],
		publication: {
			by: 'chen',
			reviewers: ['zhou'],
			requestedAt: '2026-10-24T09:00:00+08:00',
			approvedAt: '2026-10-27T15:00:00+08:00',
			publishedAt: '2026-10-29T10:00:00+08:00',
		},
		comments: [
			{
				by: 'zhou',
				at: '2026-10-25T10:20:00+08:00',
				section: 'steps',
				lang: 'zh',
				quote: '协议实施两年后进行评估。',
				body: '两年是否太长？可以考虑一年后先做中期评估。@陈思远',
				mentions: ['chen'],
			},
		],
	},
]
