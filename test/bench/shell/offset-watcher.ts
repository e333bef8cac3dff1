import type { Admin, Kafka } from 'kafkajs';

/** Polls topic end offsets over one long-lived admin connection (cheaper than a client per poll). */
export class OffsetWatcher {
  private readonly admin: Admin;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
  }

  /** Sum over partitions of the high watermark; 0 while the topic does not exist yet. */
  async endOffsetTotal(topic: string): Promise<number> {
    this.connected ??= this.admin.connect();
    await this.connected;
    try {
      return (await this.admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    } catch {
      return 0;
    }
  }

  async close(): Promise<void> {
    if (this.connected !== undefined) await this.admin.disconnect();
  }
}
