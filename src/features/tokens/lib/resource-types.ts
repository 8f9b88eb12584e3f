/** InfluxDB's resource types in words, for people who do not know the API's identifiers. */
interface TypeWords {
  /** Plural, lower case, as it reads inside a sentence. */
  noun: string
  /** One line on what a grant on the type is about. */
  description: string
}

const TYPES: Record<string, TypeWords> = {
  annotations: { noun: 'annotations', description: 'Notes attached to points in time on graphs.' },
  authorizations: { noun: 'tokens', description: 'API tokens: write means creating, changing and deleting them.' },
  buckets: { noun: 'buckets', description: 'Where time series data is stored: read queries it, write adds to it.' },
  checks: { noun: 'checks', description: 'Queries that watch data and set a status for alerts.' },
  dashboards: { noun: 'dashboards', description: 'Collections of cells that graph data.' },
  dbrp: { noun: 'DBRP mappings', description: 'Mappings of InfluxDB 1.x database and retention policy names to buckets.' },
  documents: { noun: 'documents', description: 'Templates and other stored documents.' },
  instance: { noun: 'the instance', description: 'The server itself: reserved for its setup.' },
  labels: { noun: 'labels', description: 'Tags that group resources in the UI.' },
  notebooks: { noun: 'notebooks', description: 'Notebooks that explore and process data.' },
  notificationEndpoints: { noun: 'notification endpoints', description: 'Where alerts are sent: Slack, PagerDuty, HTTP.' },
  notificationRules: { noun: 'notification rules', description: 'When and which alerts go to an endpoint.' },
  orgs: { noun: 'organizations', description: 'The organization itself: its name, members and settings.' },
  remotes: { noun: 'remote connections', description: 'Other InfluxDB instances that data is replicated to.' },
  replications: { noun: 'replications', description: 'Streams that copy a bucket’s writes to a remote instance.' },
  scrapers: { noun: 'scrapers', description: 'Jobs that collect Prometheus metrics into a bucket.' },
  secrets: { noun: 'secrets', description: 'Stored secret values that tasks and checks can use.' },
  sources: { noun: 'sources', description: 'Data sources known to the UI.' },
  tasks: { noun: 'tasks', description: 'Scheduled Flux scripts: write means creating and changing them.' },
  telegrafs: { noun: 'Telegraf configurations', description: 'Configurations for Telegraf agents that collect data.' },
  users: { noun: 'users', description: 'User accounts: write means changing them and their passwords.' },
  variables: { noun: 'variables', description: 'Values that dashboards and queries can refer to.' },
  views: { noun: 'views', description: 'The graphs inside dashboard cells.' },
}

/** "Telegraf configurations"; a type this app does not know keeps its identifier. */
export function typeNoun(type: string): string {
  return TYPES[type]?.noun ?? type
}

/** "Telegraf configurations" with a capital, for a heading or a table row. */
export function typeTitle(type: string): string {
  const noun = typeNoun(type)
  return noun.charAt(0).toUpperCase() + noun.slice(1)
}

export function typeDescription(type: string): string | undefined {
  return TYPES[type]?.description
}
