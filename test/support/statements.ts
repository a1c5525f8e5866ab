import { DataSource, EntitySubscriberInterface } from 'typeorm';

/** A statement TypeORM sent: its text and its parameters. */
export interface SentStatement {
  query: string;
  parameters: unknown[];
}

/**
 * The statements `dataSource` sends while `work` runs, in order, as TypeORM's subscribers see
 * them (beforeQuery); the listener is removed however `work` ends.
 */
export async function statementsDuring(dataSource: DataSource, work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const listener: EntitySubscriberInterface = {
    beforeQuery: (event) => void sent.push({ query: event.query, parameters: (event.parameters ?? []) as unknown[] }),
  };
  dataSource.subscribers.push(listener);
  try {
    await work();
  } finally {
    dataSource.subscribers.splice(dataSource.subscribers.indexOf(listener), 1);
  }
  return sent;
}
