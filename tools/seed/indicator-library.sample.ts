/**
 * 示例数据 / SAMPLE DATA — a made-up county indicator library (指标库) for local seeding,
 * demos and tests. It is NOT the library of any real county: names, units and
 * explanations are illustrative, written after common public practice.
 *
 * Shape: `IndicatorLibrarySeed` from the goal-declaration domain. Each category becomes a
 * `DefineIndicatorCategory` command and each indicator an `AddIndicator` command
 * (actor: a finance-admin) on the stream `indicatorLibrary-<region>-<fiscalYear>`.
 * `costLevelEnabled` is false, so cost appears as the 产出/成本 level 2 only.
 */
import type { IndicatorLibrarySeed } from '../../apps/goal-declaration/src/domain/indicator-library/types';

export const SAMPLE_REGION = '示例县（样例数据）';
export const SAMPLE_FISCAL_YEAR = 2026;

export const sampleIndicatorLibrary: IndicatorLibrarySeed = {
  region: SAMPLE_REGION,
  fiscalYear: SAMPLE_FISCAL_YEAR,
  costLevelEnabled: false,
  categories: [
    { id: 'edu', name: '教育', description: '学前、义务教育、普通高中、职业教育及学生资助' },
    { id: 'health', name: '卫生健康', description: '基本公共卫生、医疗服务、疾病预防控制' },
    { id: 'agri', name: '农业农村', description: '农田建设、农业补贴、乡村振兴' },
    { id: 'transport', name: '交通运输', description: '农村公路建设与养护、桥梁、客运' },
    { id: 'social', name: '社会保障', description: '社会救助、就业、养老保险' },
    { id: 'housing', name: '住房城乡建设', description: '老旧小区改造、农村危房改造、保障性住房、市政' },
    { id: 'eco', name: '生态环境', description: '污染防治、污水处理、造林绿化' },
    { id: 'culture', name: '文化旅游', description: '公共文化服务、文物保护、旅游发展' },
    { id: 'general', name: '一般公共服务', description: '机关运行、政务服务、信息化' },
  ],
  indicators: [
    // ---- 教育 ----------------------------------------------------------------
    { id: 'EDU-001', categoryId: 'edu', name: '受资助学生人次', level1: 'output', level2: 'quantity', unitOfMeasure: '人次', direction: '>=', explanation: '当年实际获得各类资助的家庭经济困难学生人次', dataSource: '全国学生资助管理信息系统', kind: 'individual' },
    { id: 'EDU-002', categoryId: 'edu', name: '校舍维修改造面积', level1: 'output', level2: 'quantity', unitOfMeasure: '平方米', direction: '>=', explanation: '当年完成维修改造并通过验收的校舍建筑面积', dataSource: '工程竣工验收报告', kind: 'individual' },
    { id: 'EDU-003', categoryId: 'edu', name: '教师培训人次', level1: 'output', level2: 'quantity', unitOfMeasure: '人次', direction: '>=', explanation: '当年参加县级及以上组织的教师业务培训人次', dataSource: '教师培训管理平台', kind: 'individual' },
    { id: 'EDU-004', categoryId: 'edu', name: '校舍工程验收合格率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '验收合格的校舍工程数÷完工校舍工程数×100%', dataSource: '工程竣工验收资料', kind: 'individual' },
    { id: 'EDU-005', categoryId: 'edu', name: '资助资金足额发放率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '按标准足额发放到学生（家长）账户的资金÷应发放资金×100%', dataSource: '资助资金发放花名册、银行代发记录', kind: 'individual' },
    { id: 'EDU-006', categoryId: 'edu', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '在规定时限内拨付的资金÷应拨付资金×100%', dataSource: '预算管理一体化平台支付数据', kind: 'common' },
    { id: 'EDU-007', categoryId: 'edu', name: '生均公用经费补助标准', level1: 'output', level2: 'cost', unitOfMeasure: '元/生·年', direction: '=', explanation: '按上级规定的义务教育生均公用经费基准定额执行', dataSource: '上级财政、教育部门下达文件', kind: 'individual' },
    { id: 'EDU-008', categoryId: 'edu', name: '九年义务教育巩固率', level1: 'benefit', level2: 'social', unitOfMeasure: '%', direction: '>=', explanation: '初中毕业班学生数÷该年级入小学一年级时学生数×100%', dataSource: '教育事业统计年报', kind: 'individual' },
    { id: 'EDU-009', categoryId: 'edu', name: '因贫失学辍学学生人数', level1: 'benefit', level2: 'social', unitOfMeasure: '人', direction: '<=', explanation: '当年因家庭经济困难失学辍学的义务教育阶段学生人数', dataSource: '控辍保学台账', kind: 'individual' },
    { id: 'EDU-010', categoryId: 'edu', name: '办学条件持续改善情况', level1: 'benefit', level2: 'sustained', direction: 'qualitative', explanation: '校舍、设施设备及管护制度能否长期保障正常教学', dataSource: '实地核查、学校管护记录', kind: 'individual' },
    { id: 'EDU-011', categoryId: 'edu', name: '学生及家长满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 卫生健康 --------------------------------------------------------------
    { id: 'HEA-001', categoryId: 'health', name: '65岁及以上老年人健康管理人数', level1: 'output', level2: 'quantity', unitOfMeasure: '人', direction: '>=', explanation: '当年接受健康体检和健康指导的65岁及以上常住老年人数', dataSource: '基本公共卫生服务信息系统', kind: 'individual' },
    { id: 'HEA-002', categoryId: 'health', name: '村卫生室标准化建设个数', level1: 'output', level2: 'quantity', unitOfMeasure: '个', direction: '>=', explanation: '当年完成标准化建设并通过验收的村卫生室个数', dataSource: '项目验收资料', kind: 'individual' },
    { id: 'HEA-003', categoryId: 'health', name: '适龄儿童免疫规划疫苗接种率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '按免疫程序完成接种的适龄儿童数÷应接种适龄儿童数×100%', dataSource: '免疫规划信息管理系统', kind: 'individual' },
    { id: 'HEA-004', categoryId: 'health', name: '高血压患者规范管理率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '按规范要求进行管理的高血压患者人数÷年内已管理的高血压患者人数×100%', dataSource: '基本公共卫生服务信息系统', kind: 'individual' },
    { id: 'HEA-005', categoryId: 'health', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '在规定时限内拨付的资金÷应拨付资金×100%', dataSource: '预算管理一体化平台支付数据', kind: 'common' },
    { id: 'HEA-006', categoryId: 'health', name: '项目按期完成率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '按计划时间完成的建设（工作）任务数÷计划任务数×100%', dataSource: '项目实施进度台账', kind: 'common' },
    { id: 'HEA-007', categoryId: 'health', name: '人均基本公共卫生服务经费补助标准', level1: 'output', level2: 'cost', unitOfMeasure: '元/人·年', direction: '=', explanation: '按上级确定的人均基本公共卫生服务经费标准执行', dataSource: '上级财政、卫生健康部门下达文件', kind: 'individual' },
    { id: 'HEA-008', categoryId: 'health', name: '孕产妇死亡率', level1: 'benefit', level2: 'social', unitOfMeasure: '/10万', direction: '<=', explanation: '年内孕产妇死亡数÷活产数×10万', dataSource: '妇幼卫生监测年报', kind: 'individual' },
    { id: 'HEA-009', categoryId: 'health', name: '县域内就诊率', level1: 'benefit', level2: 'social', unitOfMeasure: '%', direction: '>=', explanation: '县域内医疗机构诊疗人次÷本县参保居民诊疗总人次×100%', dataSource: '医保结算数据', kind: 'individual' },
    { id: 'HEA-010', categoryId: 'health', name: '居民电子健康档案建档率', level1: 'benefit', level2: 'sustained', unitOfMeasure: '%', direction: '>=', explanation: '建立电子健康档案的常住居民数÷辖区常住居民数×100%', dataSource: '全民健康信息平台', kind: 'individual' },
    { id: 'HEA-011', categoryId: 'health', name: '患者满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 农业农村 --------------------------------------------------------------
    { id: 'AGR-001', categoryId: 'agri', name: '高标准农田建设面积', level1: 'output', level2: 'quantity', unitOfMeasure: '亩', direction: '>=', explanation: '当年新建和改造提升并通过验收的高标准农田面积', dataSource: '农田建设综合监测监管平台', kind: 'individual' },
    { id: 'AGR-002', categoryId: 'agri', name: '农作物良种推广面积', level1: 'output', level2: 'quantity', unitOfMeasure: '亩', direction: '>=', explanation: '当年推广种植主导良种的面积', dataSource: '农业农村部门统计台账', kind: 'individual' },
    { id: 'AGR-003', categoryId: 'agri', name: '耕地地力保护补贴发放户数', level1: 'output', level2: 'quantity', unitOfMeasure: '户', direction: '>=', explanation: '当年通过“一卡通”足额获得耕地地力保护补贴的农户数', dataSource: '惠民惠农财政补贴资金“一卡通”系统', kind: 'individual' },
    { id: 'AGR-004', categoryId: 'agri', name: '农田工程质量验收合格率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '验收合格的田间工程数÷完工工程数×100%', dataSource: '工程竣工验收资料', kind: 'individual' },
    { id: 'AGR-005', categoryId: 'agri', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '在规定时限内拨付的资金÷应拨付资金×100%', dataSource: '预算管理一体化平台支付数据', kind: 'common' },
    { id: 'AGR-006', categoryId: 'agri', name: '亩均建设投入', level1: 'output', level2: 'cost', unitOfMeasure: '元/亩', direction: '<=', explanation: '项目总投入÷建设面积，不超过上级规定的亩均投入标准', dataSource: '项目决算、审计报告', kind: 'individual' },
    { id: 'AGR-007', categoryId: 'agri', name: '新增粮食产能', level1: 'benefit', level2: 'economic', unitOfMeasure: '万斤', direction: '>=', explanation: '项目区建成后较建设前新增的粮食综合生产能力', dataSource: '农业农村部门测产报告', kind: 'individual' },
    { id: 'AGR-008', categoryId: 'agri', name: '项目区农民人均增收', level1: 'benefit', level2: 'economic', unitOfMeasure: '元', direction: '>=', explanation: '项目区农民人均可支配收入较上年增加额', dataSource: '抽样调查、统计部门数据', kind: 'individual' },
    { id: 'AGR-009', categoryId: 'agri', name: '化肥使用量减少率', level1: 'benefit', level2: 'ecological', unitOfMeasure: '%', direction: '>=', explanation: '（上年化肥使用量－本年使用量）÷上年使用量×100%', dataSource: '农业农村部门统计台账', kind: 'individual' },
    { id: 'AGR-010', categoryId: 'agri', name: '工程设施长效管护机制建立情况', level1: 'benefit', level2: 'sustained', direction: 'qualitative', explanation: '是否明确管护主体、责任和经费，建立管护制度并有效运行', dataSource: '管护制度文件、实地核查', kind: 'individual' },
    { id: 'AGR-011', categoryId: 'agri', name: '受益农户满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 交通运输 --------------------------------------------------------------
    { id: 'TRA-001', categoryId: 'transport', name: '农村公路新改建里程', level1: 'output', level2: 'quantity', unitOfMeasure: '公里', direction: '>=', explanation: '当年完成新建和改建并交工验收的农村公路里程', dataSource: '交工验收报告', kind: 'individual' },
    { id: 'TRA-002', categoryId: 'transport', name: '危桥改造座数', level1: 'output', level2: 'quantity', unitOfMeasure: '座', direction: '>=', explanation: '当年完成改造并通过验收的危旧桥梁座数', dataSource: '交工验收报告', kind: 'individual' },
    { id: 'TRA-003', categoryId: 'transport', name: '农村公路日常养护里程', level1: 'output', level2: 'quantity', unitOfMeasure: '公里', direction: '>=', explanation: '纳入日常养护并达到养护标准的农村公路里程', dataSource: '公路养护管理系统', kind: 'individual' },
    { id: 'TRA-004', categoryId: 'transport', name: '交工验收合格率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '交工验收合格的工程数÷交工工程数×100%', dataSource: '交工验收报告', kind: 'individual' },
    { id: 'TRA-005', categoryId: 'transport', name: '农村公路优良中等路率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '技术状况评定为优、良、中等的里程÷评定总里程×100%', dataSource: '公路技术状况评定报告', kind: 'individual' },
    { id: 'TRA-006', categoryId: 'transport', name: '项目按期完成率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '按计划时间完成的建设（工作）任务数÷计划任务数×100%', dataSource: '项目实施进度台账', kind: 'common' },
    { id: 'TRA-007', categoryId: 'transport', name: '每公里建设成本', level1: 'output', level2: 'cost', unitOfMeasure: '万元/公里', direction: '<=', explanation: '项目建设总投资÷建成里程，不超过批复概算', dataSource: '工程决算报告', kind: 'individual' },
    { id: 'TRA-008', categoryId: 'transport', name: '具备条件的建制村通客车率', level1: 'benefit', level2: 'social', unitOfMeasure: '%', direction: '>=', explanation: '开通客运班线的具备条件建制村数÷具备条件建制村总数×100%', dataSource: '交通运输部门客运管理台账', kind: 'individual' },
    { id: 'TRA-009', categoryId: 'transport', name: '农村公路交通事故死亡人数', level1: 'benefit', level2: 'social', unitOfMeasure: '人', direction: '<=', explanation: '年内在农村公路上发生交通事故的死亡人数', dataSource: '公安交管部门统计', kind: 'individual' },
    { id: 'TRA-010', categoryId: 'transport', name: '“路长制”长效管养机制运行情况', level1: 'benefit', level2: 'sustained', direction: 'qualitative', explanation: '县乡村三级路长是否落实，管养经费是否纳入预算并持续保障', dataSource: '制度文件、实地核查', kind: 'individual' },
    { id: 'TRA-011', categoryId: 'transport', name: '沿线群众满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 社会保障 --------------------------------------------------------------
    { id: 'SOC-001', categoryId: 'social', name: '城乡最低生活保障人数', level1: 'output', level2: 'quantity', unitOfMeasure: '人', direction: '>=', explanation: '年内纳入城乡低保并按月发放保障金的人数（月均）', dataSource: '社会救助信息系统', kind: 'individual' },
    { id: 'SOC-002', categoryId: 'social', name: '特困人员救助供养人数', level1: 'output', level2: 'quantity', unitOfMeasure: '人', direction: '>=', explanation: '年内纳入特困供养的人数（月均）', dataSource: '社会救助信息系统', kind: 'individual' },
    { id: 'SOC-003', categoryId: 'social', name: '职业技能培训人次', level1: 'output', level2: 'quantity', unitOfMeasure: '人次', direction: '>=', explanation: '当年完成补贴性职业技能培训并取得证书的人次', dataSource: '职业技能培训管理系统', kind: 'individual' },
    { id: 'SOC-004', categoryId: 'social', name: '救助资金社会化发放率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '通过金融机构直接发放到救助对象账户的资金÷应发放资金×100%', dataSource: '银行代发记录', kind: 'individual' },
    { id: 'SOC-005', categoryId: 'social', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '在规定时限内拨付的资金÷应拨付资金×100%', dataSource: '预算管理一体化平台支付数据', kind: 'common' },
    { id: 'SOC-006', categoryId: 'social', name: '城市低保月人均保障标准', level1: 'output', level2: 'cost', unitOfMeasure: '元/人·月', direction: '=', explanation: '按县政府公布的当年城市低保标准执行', dataSource: '县政府低保标准文件', kind: 'individual' },
    { id: 'SOC-007', categoryId: 'social', name: '城镇新增就业人数', level1: 'benefit', level2: 'social', unitOfMeasure: '人', direction: '>=', explanation: '年内城镇累计新就业人数减去自然减员人数', dataSource: '人力资源社会保障部门就业统计', kind: 'individual' },
    { id: 'SOC-008', categoryId: 'social', name: '培训后就业率', level1: 'benefit', level2: 'economic', unitOfMeasure: '%', direction: '>=', explanation: '培训后6个月内实现就业的人数÷培训结业人数×100%', dataSource: '就业登记信息', kind: 'individual' },
    { id: 'SOC-009', categoryId: 'social', name: '困难群众基本生活保障情况', level1: 'benefit', level2: 'social', direction: 'qualitative', explanation: '是否做到应保尽保、应救尽救，未发生因救助不及时导致的冲击社会道德底线事件', dataSource: '民政部门核查报告', kind: 'individual' },
    { id: 'SOC-010', categoryId: 'social', name: '城乡居民基本养老保险参保率', level1: 'benefit', level2: 'sustained', unitOfMeasure: '%', direction: '>=', explanation: '实际参保人数÷应参保人数×100%', dataSource: '社会保险信息系统', kind: 'individual' },
    { id: 'SOC-011', categoryId: 'social', name: '保障对象满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 住房城乡建设 ------------------------------------------------------------
    { id: 'HOU-001', categoryId: 'housing', name: '城镇老旧小区改造户数', level1: 'output', level2: 'quantity', unitOfMeasure: '户', direction: '>=', explanation: '当年完成改造并通过验收的老旧小区居民户数', dataSource: '老旧小区改造项目验收资料', kind: 'individual' },
    { id: 'HOU-002', categoryId: 'housing', name: '农村低收入群体危房改造户数', level1: 'output', level2: 'quantity', unitOfMeasure: '户', direction: '>=', explanation: '当年完成改造并竣工验收的农村低收入群体危房户数', dataSource: '农村危房改造信息系统', kind: 'individual' },
    { id: 'HOU-003', categoryId: 'housing', name: '公租房保障户数', level1: 'output', level2: 'quantity', unitOfMeasure: '户', direction: '>=', explanation: '年末在保的公共租赁住房实物配租和租赁补贴户数', dataSource: '住房保障管理系统', kind: 'individual' },
    { id: 'HOU-004', categoryId: 'housing', name: '改造工程质量合格率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '验收合格的改造工程数÷完工工程数×100%', dataSource: '工程竣工验收资料', kind: 'individual' },
    { id: 'HOU-005', categoryId: 'housing', name: '安全生产事故发生数', level1: 'output', level2: 'quality', unitOfMeasure: '起', direction: '<=', explanation: '项目实施期间发生的一般及以上安全生产事故起数', dataSource: '应急管理部门通报、项目安全台账', kind: 'common' },
    { id: 'HOU-006', categoryId: 'housing', name: '项目按期完成率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '按计划时间完成的建设（工作）任务数÷计划任务数×100%', dataSource: '项目实施进度台账', kind: 'common' },
    { id: 'HOU-007', categoryId: 'housing', name: '户均改造成本', level1: 'output', level2: 'cost', unitOfMeasure: '万元/户', direction: '<=', explanation: '改造总投资÷改造户数，不超过批复标准', dataSource: '工程决算报告', kind: 'individual' },
    { id: 'HOU-008', categoryId: 'housing', name: '城市生活污水集中收集率', level1: 'benefit', level2: 'ecological', unitOfMeasure: '%', direction: '>=', explanation: '污水处理厂收集的生活污水中污染物量÷城区生活污染物产生量×100%', dataSource: '城镇污水处理管理信息系统', kind: 'individual' },
    { id: 'HOU-009', categoryId: 'housing', name: '居住环境改善情况', level1: 'benefit', level2: 'social', direction: 'qualitative', explanation: '改造后小区水电路气、消防、无障碍等设施是否明显改善', dataSource: '实地核查、居民评议', kind: 'individual' },
    { id: 'HOU-010', categoryId: 'housing', name: '改造小区物业管理覆盖率', level1: 'benefit', level2: 'sustained', unitOfMeasure: '%', direction: '>=', explanation: '改造后实行专业化物业或自治管理的小区数÷改造小区数×100%', dataSource: '住房城乡建设部门台账', kind: 'individual' },
    { id: 'HOU-011', categoryId: 'housing', name: '居民满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 生态环境 --------------------------------------------------------------
    { id: 'ECO-001', categoryId: 'eco', name: '污水管网建设长度', level1: 'output', level2: 'quantity', unitOfMeasure: '公里', direction: '>=', explanation: '当年新建和改造并投入使用的污水管网长度', dataSource: '工程竣工验收资料', kind: 'individual' },
    { id: 'ECO-002', categoryId: 'eco', name: '完成造林绿化面积', level1: 'output', level2: 'quantity', unitOfMeasure: '亩', direction: '>=', explanation: '当年完成人工造林、封山育林及退化林修复的面积', dataSource: '林草生态综合监测成果', kind: 'individual' },
    { id: 'ECO-003', categoryId: 'eco', name: '完成生活污水治理的行政村数', level1: 'output', level2: 'quantity', unitOfMeasure: '个', direction: '>=', explanation: '当年新增完成农村生活污水治理的行政村个数', dataSource: '农村生活污水治理信息台账', kind: 'individual' },
    { id: 'ECO-004', categoryId: 'eco', name: '污水处理厂出水达标率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '出水水质达标的监测次数÷总监测次数×100%', dataSource: '在线监测数据', kind: 'individual' },
    { id: 'ECO-005', categoryId: 'eco', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '在规定时限内拨付的资金÷应拨付资金×100%', dataSource: '预算管理一体化平台支付数据', kind: 'common' },
    { id: 'ECO-006', categoryId: 'eco', name: '吨水处理成本', level1: 'output', level2: 'cost', unitOfMeasure: '元/吨', direction: '<=', explanation: '污水处理运营总成本÷处理水量', dataSource: '运营单位成本核算报表', kind: 'individual' },
    { id: 'ECO-007', categoryId: 'eco', name: '空气质量优良天数比例', level1: 'benefit', level2: 'ecological', unitOfMeasure: '%', direction: '>=', explanation: '空气质量指数（AQI）优良的天数÷有效监测天数×100%', dataSource: '环境空气质量监测数据', kind: 'individual' },
    { id: 'ECO-008', categoryId: 'eco', name: '地表水考核断面水质达标率', level1: 'benefit', level2: 'ecological', unitOfMeasure: '%', direction: '>=', explanation: '水质达到考核目标的断面数÷考核断面总数×100%', dataSource: '地表水环境质量监测数据', kind: 'individual' },
    { id: 'ECO-009', categoryId: 'eco', name: '化学需氧量减排量', level1: 'benefit', level2: 'ecological', unitOfMeasure: '吨', direction: '>=', explanation: '项目实施后年化学需氧量（COD）削减量', dataSource: '污染物总量减排核算报告', kind: 'individual' },
    { id: 'ECO-010', categoryId: 'eco', name: '治理设施长效运维机制', level1: 'benefit', level2: 'sustained', direction: 'qualitative', explanation: '是否明确运维主体、落实运维经费并建立考核制度', dataSource: '运维合同、制度文件', kind: 'individual' },
    { id: 'ECO-011', categoryId: 'eco', name: '周边群众满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 文化旅游 --------------------------------------------------------------
    { id: 'CUL-001', categoryId: 'culture', name: '送戏下乡演出场次', level1: 'output', level2: 'quantity', unitOfMeasure: '场', direction: '>=', explanation: '当年在乡镇、行政村完成的公益性演出场次', dataSource: '演出登记表、现场影像资料', kind: 'individual' },
    { id: 'CUL-002', categoryId: 'culture', name: '公共图书馆年流通人次', level1: 'output', level2: 'quantity', unitOfMeasure: '万人次', direction: '>=', explanation: '年内进入图书馆（含分馆）借阅、阅览的读者人次', dataSource: '图书馆管理系统', kind: 'individual' },
    { id: 'CUL-003', categoryId: 'culture', name: '文物保护修缮项目数', level1: 'output', level2: 'quantity', unitOfMeasure: '个', direction: '>=', explanation: '当年完成修缮并通过验收的文物保护单位项目个数', dataSource: '文物修缮工程验收资料', kind: 'individual' },
    { id: 'CUL-004', categoryId: 'culture', name: '文物修缮工程验收合格率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '验收合格的修缮工程数÷完工修缮工程数×100%', dataSource: '文物修缮工程验收资料', kind: 'individual' },
    { id: 'CUL-005', categoryId: 'culture', name: '项目按期完成率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '按计划时间完成的建设（工作）任务数÷计划任务数×100%', dataSource: '项目实施进度台账', kind: 'common' },
    { id: 'CUL-006', categoryId: 'culture', name: '每场演出补助标准', level1: 'output', level2: 'cost', unitOfMeasure: '元/场', direction: '=', explanation: '按县文化旅游部门公布的公益性演出补助标准执行', dataSource: '补助标准文件', kind: 'individual' },
    { id: 'CUL-007', categoryId: 'culture', name: '接待游客人次增长率', level1: 'benefit', level2: 'economic', unitOfMeasure: '%', direction: '>=', explanation: '（本年接待游客人次－上年人次）÷上年人次×100%', dataSource: '文旅部门旅游统计', kind: 'individual' },
    { id: 'CUL-008', categoryId: 'culture', name: '旅游综合收入', level1: 'benefit', level2: 'economic', unitOfMeasure: '亿元', direction: '>=', explanation: '年内全县旅游综合收入', dataSource: '文旅部门旅游统计', kind: 'individual' },
    { id: 'CUL-009', categoryId: 'culture', name: '群众文化生活丰富程度', level1: 'benefit', level2: 'social', direction: 'qualitative', explanation: '公共文化服务供给是否覆盖城乡，群众参与文化活动的机会是否明显增加', dataSource: '实地调研、群众评议', kind: 'individual' },
    { id: 'CUL-010', categoryId: 'culture', name: '文物安全事故发生数', level1: 'benefit', level2: 'sustained', unitOfMeasure: '起', direction: '<=', explanation: '年内发生的文物被盗、火灾、损毁等安全事故起数', dataSource: '文物安全巡查记录', kind: 'individual' },
    { id: 'CUL-011', categoryId: 'culture', name: '观众（游客）满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '问卷调查中表示满意和基本满意的样本数÷有效样本数×100%', dataSource: '满意度问卷调查', kind: 'common' },

    // ---- 一般公共服务 ------------------------------------------------------------
    { id: 'GEN-001', categoryId: 'general', name: '政务服务事项办件量', level1: 'output', level2: 'quantity', unitOfMeasure: '件', direction: '>=', explanation: '年内政务服务中心受理并办结的事项件数', dataSource: '政务服务平台', kind: 'individual' },
    { id: 'GEN-002', categoryId: 'general', name: '干部教育培训人次', level1: 'output', level2: 'quantity', unitOfMeasure: '人次', direction: '>=', explanation: '年内组织参加各类干部教育培训的人次', dataSource: '干部教育培训管理系统', kind: 'individual' },
    { id: 'GEN-003', categoryId: 'general', name: '政务服务事项网上可办率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '可全程网办或部分网办的事项数÷依申请政务服务事项总数×100%', dataSource: '政务服务平台', kind: 'individual' },
    { id: 'GEN-004', categoryId: 'general', name: '信息系统正常运行率', level1: 'output', level2: 'quality', unitOfMeasure: '%', direction: '>=', explanation: '系统正常运行时长÷应运行总时长×100%', dataSource: '运维监控记录', kind: 'individual' },
    { id: 'GEN-005', categoryId: 'general', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', explanation: '在规定时限内拨付的资金÷应拨付资金×100%', dataSource: '预算管理一体化平台支付数据', kind: 'common' },
    { id: 'GEN-006', categoryId: 'general', name: '承诺办结时限', level1: 'output', level2: 'timeliness', unitOfMeasure: '工作日', direction: '<=', explanation: '依申请政务服务事项平均承诺办结时限', dataSource: '政务服务事项清单', kind: 'individual' },
    { id: 'GEN-007', categoryId: 'general', name: '“三公”经费支出', level1: 'output', level2: 'cost', unitOfMeasure: '万元', direction: '<=', explanation: '因公出国（境）费、公务用车购置及运行费、公务接待费合计，不超过年初预算', dataSource: '部门决算报表', kind: 'common' },
    { id: 'GEN-008', categoryId: 'general', name: '群众办事平均跑动次数', level1: 'benefit', level2: 'social', unitOfMeasure: '次', direction: '<=', explanation: '办理一件事群众到现场的平均次数', dataSource: '政务服务平台统计', kind: 'individual' },
    { id: 'GEN-009', categoryId: 'general', name: '公用经费较上年压减率', level1: 'benefit', level2: 'economic', unitOfMeasure: '%', direction: '>=', explanation: '（上年公用经费－本年公用经费）÷上年公用经费×100%', dataSource: '部门决算报表', kind: 'individual' },
    { id: 'GEN-010', categoryId: 'general', name: '内部管理制度健全性', level1: 'benefit', level2: 'sustained', direction: 'qualitative', explanation: '预算、财务、资产、采购等内部管理制度是否健全并有效执行', dataSource: '制度文件、内控评价报告', kind: 'common' },
    { id: 'GEN-011', categoryId: 'general', name: '办事群众满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', explanation: '“好差评”系统及问卷调查中满意评价数÷评价总数×100%', dataSource: '政务服务“好差评”系统', kind: 'common' },
  ],
};
