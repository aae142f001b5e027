// The project's English–Chinese glossary, machine-readable: one Chinese term per Kafka concept.
// zh-CN.ts follows it, test/i18n/glossary.test.ts checks that it does, and docs/glossary.md
// explains it for people (the same entries, with the reasons). Kafka config names, API names
// (LeaveGroup, SyncGroup) and error names (NOT_ENOUGH_REPLICAS) are never translated.

export interface Term {
  /** The concept, in the English catalogue's words. */
  en: string;
  /** The one term the Chinese catalogue uses for it. */
  zh: string;
  /** Why this term, where the choice is not obvious. */
  why?: string;
  /** Other renderings the catalogue must not use (they would be a second word, or misleading). */
  avoid?: string[];
  /** Whole phrases in which an avoided word may stand as an explanation, e.g. "HW（高水位）". */
  glosses?: string[];
  /**
   * When the English text of a key matches this (config, API and error names removed first),
   * the Chinese text of the same key must contain `zh`.
   */
  english?: RegExp;
  /** English phrases that name the concept by another term of the glossary (removed first). */
  exceptEnglish?: RegExp;
  /** Accept `zh` in any letter case (a Latin term that may open a table heading). */
  anyCase?: boolean;
}

/** Terms kept in Latin letters, as the classic Chinese Kafka introductions write them. */
export const LATIN_TERMS: Term[] = [
  {
    en: 'broker',
    zh: 'Broker',
    why: '代理 also reads "proxy"; Chinese Kafka writing keeps Broker',
    avoid: ['代理', '经纪'],
    english: /\bbrokers?\b/i,
  },
  {
    en: 'leader (also "leads", "leadership")',
    zh: 'Leader',
    why: 'one word for the role everywhere: no 领导者 beside 主',
    avoid: ['领导', '首领', '领袖', '主副本'],
    english: /\blead(s|er|ers|ership)?\b/i,
    exceptEnglish: /\bpreferred[- ]leaders?\b/gi,
  },
  {
    en: 'follower (also "follows")',
    zh: 'Follower',
    why: 'one word for the role everywhere: no 追随者 beside 从',
    avoid: ['追随', '跟随', '从副本'],
    english: /\bfollow(s|er|ers)?\b/i,
  },
  {
    en: 'ISR, in-sync replicas',
    zh: 'ISR',
    why: '"in-sync replicas" is the ISR; 同步副本 would be a second name for it',
    avoid: ['同步副本', '同步中'],
    english: /\bISR\b|\bin[- ]sync\b/i,
  },
  {
    en: 'high watermark (HW)',
    zh: 'HW',
    why: 'spelled out once, in the inspector, as HW（高水位）',
    avoid: ['高水位', '高水印', '水位线'],
    glosses: ['HW（高水位）'],
    english: /\bHW\b|\bhigh watermark\b/i,
  },
  {
    en: 'log end offset (LEO)',
    zh: 'LEO',
    why: 'spelled out once, in the inspector, as LEO（日志末端 offset）',
    avoid: ['末端'],
    glosses: ['LEO（日志末端 offset）'],
    english: /\bLEO\b|\blog end offset\b/i,
  },
  {
    en: 'offset',
    zh: 'offset',
    why: '位移 and 偏移量 both circulate; Latin settles it',
    avoid: ['位移', '偏移'],
    english: /\boffsets?\b/i,
    anyCase: true,
  },
  {
    en: 'epoch (leader epoch, broker epoch, controller epoch)',
    zh: 'epoch',
    why: 'Leader epoch and Broker epoch are Kafka names; 纪元 is a literal calque nobody uses',
    avoid: ['纪元', '时代', '任期'],
    english: /\bepochs?\b/i,
    anyCase: true,
  },
  {
    en: 'unclean (leader election)',
    zh: 'Unclean',
    why: 'as in unclean.leader.election.enable; 非干净 is a calque',
    avoid: ['非干净', '不干净', '脏选举'],
    english: /\bunclean\b/i,
  },
  {
    en: 'id (member id, group id, producer id)',
    zh: 'ID',
    why: 'what Chinese developers write for group.id, member.id',
    avoid: ['编号'],
    english: /\bids?\b/i,
  },
];

/** Terms translated into the words the Chinese Kafka community uses. */
export const CHINESE_TERMS: Term[] = [
  { en: 'controller', zh: '控制器', english: /\bcontroller\b/i },
  {
    en: 'active controller',
    zh: '活跃控制器',
    why: 'as the ActiveControllerCount metric is usually rendered',
    avoid: ['活动控制器'],
  },
  { en: 'topic', zh: '主题', avoid: ['话题'], english: /\btopics?\b/i },
  { en: 'partition', zh: '分区', english: /\bpartitions?\b/i },
  {
    en: 'replica',
    zh: '副本',
    why: 'a replica is not a backup: never 备份',
    avoid: ['备份'],
    english: /\breplicas?\b/i,
  },
  { en: 'replication factor', zh: '副本因子', avoid: ['复制因子', '备份因子'] },
  {
    en: 'preferred replica, preferred leader',
    zh: '优先副本',
    why: 'the usual name (优先副本选举); "preferred leader" is the same replica',
    avoid: ['首选'],
    english: /\bpreferred\b/i,
  },
  { en: 'under-replicated', zh: '副本不足' },
  { en: 'segment', zh: '日志段', avoid: ['日志片段', '分段'], english: /\bsegments?\b/i },
  { en: 'log start offset', zh: '日志起始 offset' },
  {
    en: 'retention',
    zh: '保留',
    why: '保留策略 is the common phrase; not also 留存',
    avoid: ['留存'],
    english: /\bretention\b/i,
  },
  { en: 'truncation, truncate', zh: '截断', english: /\btruncat/i },
  { en: 'producer', zh: '生产者', english: /\bproducers?\b/i },
  { en: 'consumer', zh: '消费者', english: /\bconsumers?\b/i },
  {
    en: 'consumer group (group)',
    zh: '消费者组',
    why: 'short form 组 where the context is already a group',
    avoid: ['消费组', '群组'],
  },
  {
    en: 'record',
    zh: '记录',
    why: 'Kafka’s API word (ProducerRecord); 消息 is kept for network messages',
    english: /\brecords?\b/i,
  },
  { en: 'batch (record batch)', zh: '批次', english: /\bbatch(es)?\b/i },
  { en: 'key', zh: '键' },
  { en: 'null key', zh: '无键', why: 'what the learner sees: the record has no key' },
  {
    en: 'coordinator',
    zh: '协调者',
    avoid: ['协调器'],
    english: /\bcoordinat(or|es|ing)\b/i,
  },
  {
    en: 'rebalance',
    zh: '重平衡',
    why: 'not 再平衡 or 再均衡 as well',
    avoid: ['再平衡', '再均衡', '重新平衡', '重均衡'],
    english: /\brebalanc/i,
  },
  { en: 'eager / cooperative (rebalance protocol)', zh: '急切式 / 协作式' },
  {
    en: 'generation',
    zh: '代',
    why: 'read as 第 3 代',
    avoid: ['世代'],
    english: /\bgeneration\b/i,
  },
  { en: 'member', zh: '成员', english: /\bmembers?\b/i },
  {
    en: 'assignor (partition.assignment.strategy)',
    zh: '分区分配策略',
    avoid: ['分配器'],
    english: /\bassignor\b/i,
  },
  { en: 'commit, committed offset', zh: '提交', english: /\bcommit/i },
  {
    en: "position (a consumer's next offset)",
    zh: '消费位置',
    why: 'tells it apart from the committed offset',
    english: /\bposition\b/i,
  },
  {
    en: 'lag (consumer lag)',
    zh: '积压',
    why: 'records waiting to be consumed; a follower that trails the leader is 落后',
    avoid: ['滞后'],
    english: /\blag\b/i,
  },
  {
    en: 'acknowledged, acked',
    zh: '确认',
    english: /\backnowledg|\backed\b/i,
  },
  { en: 'idempotent producer, idempotence', zh: '幂等', english: /\bidempoten/i },
  { en: 'partitioner', zh: '分区器' },
  { en: 'metadata', zh: '元数据', english: /\bmetadata\b/i },
  {
    en: 'fenced / unfenced (by the controller)',
    zh: '屏蔽',
    why: 'the controller stops using the broker; nothing to do with the network, so never 隔离',
    avoid: ['隔离', '围栏'],
    english: /\b(un)?fenc(e|es|ed|ing)\b/i,
  },
  {
    en: 'isolated, cut off from the network',
    zh: '断网',
    why: 'says what happened: the network is cut; 隔离 would blur it with fencing',
    avoid: ['隔离', '孤立'],
    english: /\bisolat|\bcut off\b/i,
  },
  {
    en: 'heal (back on the network)',
    zh: '恢复网络',
    english: /\bheal(s|ed)?\b|\bback on the network\b/i,
  },
  {
    en: 'crash (kill)',
    zh: '崩溃',
    why: 'the process dies; "Kill" buttons say 终止',
    english: /\bcrash/i,
  },
  { en: 'kill (a broker or consumer)', zh: '终止', avoid: ['杀死', '杀掉'] },
  { en: 'graceful shutdown, stop', zh: '正常关闭' },
  { en: 'controlled shutdown', zh: '受控关闭', why: 'Kafka’s name for a broker’s clean stop' },
  { en: 'heartbeat', zh: '心跳', english: /\bheartbeat/i },
  { en: 'session timeout', zh: '会话超时' },
  {
    en: 'quorum (KRaft controller quorum)',
    zh: '仲裁',
    english: /\bquorum\b/i,
  },
  { en: 'queue / publish-subscribe', zh: '队列 / 发布-订阅' },
];

export const GLOSSARY: Term[] = [...LATIN_TERMS, ...CHINESE_TERMS];
