/**
 * Demo minutes (demo mode only: they need the demo members as authors,
 * owners and reviewers). Each of the four Table 2 groups' past meeting has
 * minutes approved in both languages, with decisions and action items; three
 * are published. The private Steering Committee's minutes wait in review for
 * the demo official, so an official who signs in has something to review.
 * Invented for the demo: no real meeting, person or statement.
 *
 * Due dates are days from the seed's run (negative: already overdue), so the
 * dashboard always shows an overdue item first.
 */
import type { SeedRecord } from '../types.ts'

export const records: SeedRecord[] = [
	{
		groupSlug: 'tariff-coordination',
		meetingTitleEn: 'Tariff coordination mechanism: scope and priority components',
		authorEmail: 'maya.thornton@zevlab.example',
		reviewerEmails: ['official@zevlab.example', 'zhou.jianping@zevlab.example'],
		outcome: 'published',
		minutes: {
			en: `## Current tariffs

The group compared the tariffs that apply today to electric vehicles, power batteries and their core components in both markets, using the secretariat's summary table.

## Priority components

Members agreed that a first round of a coordination mechanism should cover **power batteries, chips and electronic control systems**, where tariffs add most to the cost of a vehicle.

## Negotiating reductions

- A joint mechanism would meet twice a year and propose stepwise reductions.
- Any "zero tariff zone" should start with a short list of goods and clear rules of origin.

## Next steps

The secretariat will draft the proposal for the next meeting.`,
			zh: `## 现行关税

工作组根据秘书处的汇总表，比较了两国市场目前对电动汽车、动力电池及其核心零部件征收的关税。

## 重点零部件

成员一致认为，协调机制的第一轮应涵盖**动力电池、芯片和电控系统**，这些零部件的关税对整车成本影响最大。

## 关于降低关税的谈判

- 联合机制每年召开两次会议，提出分步降低关税的方案。
- 任何“零关税区”都应从较短的商品清单和明确的原产地规则起步。

## 下一步工作

秘书处将为下次会议起草提案。`,
		},
		decisions: [
			{ en: 'The first round covers power batteries, chips and electronic control systems.', zh: '第一轮涵盖动力电池、芯片和电控系统。' },
			{ en: 'A zero-tariff zone starts with a short list of goods and rules of origin.', zh: '“零关税区”从较短的商品清单和原产地规则起步。' },
		],
		actionItems: [
			{ en: 'Draft the zero-tariff zone proposal', zh: '起草“零关税区”提案', ownerEmail: 'maya.thornton@zevlab.example', dueInDays: 10 },
			{ en: 'Collect battery tariff figures from both customs schedules', zh: '从两国海关税则中整理电池关税数据', ownerEmail: 'researcher@zevlab.example', dueInDays: -3 },
		],
	},
	{
		groupSlug: 'technical-cooperation',
		meetingTitleEn: 'Joint R&D centre: research priorities',
		authorEmail: 'researcher@zevlab.example',
		reviewerEmails: ['official@zevlab.example'],
		outcome: 'approved',
		minutes: {
			en: `## Research priorities

The group discussed three priorities for a China-US joint R&D centre: **battery performance**, **charging efficiency** and **vehicle networking**.

## Governance and funding

- The centre would have one steering board with members from both sides.
- Funding would come from both governments and from industry partners, in equal shares.

## Data

Members noted that the centre depends on the EV big-data sharing platform discussed for the next meeting.`,
			zh: `## 研究重点

工作组讨论了中美联合研发中心的三个研究重点：**电池性能优化**、**充电效率提升**和**车联网技术**。

## 治理与经费

- 中心设一个由双方成员组成的指导委员会。
- 经费由两国政府和产业合作伙伴等额分担。

## 数据

成员指出，研发中心有赖于下次会议将讨论的电动汽车大数据共享平台。`,
		},
		decisions: [{ en: 'Battery performance is the first research priority.', zh: '电池性能优化为首要研究重点。' }],
		actionItems: [
			{ en: 'Outline the centre’s governance in two pages', zh: '用两页篇幅概述研发中心的治理结构', ownerEmail: 'researcher@zevlab.example', dueInDays: 12 },
			{ en: 'List the data the platform should share first', zh: '列出共享平台应优先共享的数据', ownerEmail: 'daniel.okafor@zevlab.example', dueInDays: 5 },
		],
	},
	{
		groupSlug: 'market-access',
		meetingTitleEn: 'Mutual recognition agreement: certification and testing',
		authorEmail: 'lin.xiaowen@zevlab.example',
		reviewerEmails: ['zhou.jianping@zevlab.example'],
		outcome: 'published',
		minutes: {
			en: `## Power battery certification

The group compared the certification and testing each side requires before a power battery may be sold, and found most tests comparable in method.

## Vehicle safety testing

Crash and electrical safety tests differ more; members suggested recognising each other's results test by test.

## What each side would recognise

A first list of tests that each side could accept from the other's accredited laboratories will be prepared.`,
			zh: `## 动力电池认证

工作组比较了双方在动力电池上市前要求的认证和检测，认为大多数检测在方法上具有可比性。

## 整车安全检测

碰撞和电气安全检测差异较大；成员建议逐项相互认可检测结果。

## 双方认可的内容

将拟定第一份清单，列出双方可以接受对方认可实验室结果的检测项目。`,
		},
		decisions: [{ en: 'Recognition proceeds test by test, starting with battery tests.', zh: '互认按检测项目逐项推进，从电池检测开始。' }],
		actionItems: [
			{ en: 'Draft the first list of mutually recognised tests', zh: '起草第一份互认检测项目清单', ownerEmail: 'lin.xiaowen@zevlab.example', dueInDays: 7 },
			{ en: 'Compare accreditation rules for test laboratories', zh: '比较检测实验室的认可规则', ownerEmail: 'daniel.okafor@zevlab.example', dueInDays: -1 },
		],
	},
	{
		groupSlug: 'multilateral-dialogue',
		meetingTitleEn: 'G20/APEC dialogue group: terms of reference',
		authorEmail: 'daniel.okafor@zevlab.example',
		reviewerEmails: ['official@zevlab.example'],
		outcome: 'published',
		minutes: {
			en: `## Purpose

A China-US EV Policy Dialogue Group would meet on the margins of G20 and APEC meetings to coordinate on market access, technical cooperation and tariffs.

## Membership

Officials from both sides, with researchers from the lab as the secretariat.

## Reporting

The dialogue group would report once a year to the G20 and APEC meetings.`,
			zh: `## 宗旨

中美电动汽车政策对话小组将在二十国集团和亚太经合组织会议期间举行会议，就市场准入、技术合作和关税进行协调。

## 组成

由双方政府官员组成，实验室研究人员担任秘书处。

## 报告

对话小组每年向二十国集团和亚太经合组织会议报告一次。`,
		},
		decisions: [{ en: 'The draft terms of reference are agreed for consultation.', zh: '职责范围草案获得通过，进入征求意见阶段。' }],
		actionItems: [{ en: 'Send the terms of reference to partners for comment', zh: '将职责范围草案发送给合作伙伴征求意见', ownerEmail: 'maya.thornton@zevlab.example', dueInDays: 4 }],
	},
	{
		groupSlug: 'steering-committee',
		meetingTitleEn: 'Work plan review',
		authorEmail: 'maya.thornton@zevlab.example',
		reviewerEmails: ['official@zevlab.example'],
		outcome: 'in_review',
		minutes: {
			en: `## Progress of the working groups

Each lead reported: the tariff group has agreed its priority components, the technical group its research priorities, the market access group its approach to testing, and the dialogue group its draft terms of reference.

## How the proposals fit together

The committee asked the groups to use one glossary of terms in both languages.

## What to publish

The committee agreed to publish the working groups' approved minutes, and to keep draft positions confidential until agreed.`,
			zh: `## 各工作组进展

各组长分别汇报：关税组已确定重点零部件，技术组已确定研究重点，市场准入组已确定检测方面的思路，对话组已形成职责范围草案。

## 各项提案如何衔接

委员会要求各工作组使用一份统一的中英文术语表。

## 公开哪些内容

委员会同意公开各工作组已批准的会议纪要，立场草稿在达成一致前保密。`,
		},
		decisions: [{ en: 'All groups use one bilingual glossary.', zh: '各工作组使用同一份中英文术语表。' }],
		actionItems: [{ en: 'Compile the bilingual glossary', zh: '编制中英文术语表', ownerEmail: 'lin.xiaowen@zevlab.example', dueInDays: 14 }],
	},
]
