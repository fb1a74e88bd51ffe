"""Helpers shared by the notebooks: the platform's settings and reading Confluent-framed Avro topics."""
import io
import os
import struct
import time
from pathlib import Path

import avro.io
import avro.schema
import requests
from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition

ROOT_ENV = Path(__file__).resolve().parent.parent / ".env"


def settings(env_file=ROOT_ENV):
    """The root .env overlaid by the environment (the environment wins), as every part of the platform reads it."""
    values = {}
    if env_file.is_file():
        for line in env_file.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                name, value = line.split("=", 1)
                values[name.strip()] = value.strip()
    values.update(os.environ)
    return values


def output_dir(config):
    """Where the notebooks save their charts: NOTEBOOK_OUTPUT_DIR, or output/ beside the notebooks."""
    path = Path(config.get("NOTEBOOK_OUTPUT_DIR", Path(__file__).resolve().parent / "output"))
    path.mkdir(parents=True, exist_ok=True)
    return path


class RegistryDecoder:
    """Decodes Confluent-framed Avro (magic byte 0, 4-byte schema id, Avro body) with schemas from the registry's
    Confluent-compatible API, as AKHQ does; the Debezium converter writes content ids in that frame."""

    def __init__(self, registry_url):
        self.registry_url = registry_url.rstrip("/")
        self.schemas = {}

    def schema(self, schema_id):
        if schema_id not in self.schemas:
            answer = requests.get(f"{self.registry_url}/apis/ccompat/v7/schemas/ids/{schema_id}", timeout=10)
            answer.raise_for_status()
            self.schemas[schema_id] = avro.schema.parse(answer.json()["schema"])
        return self.schemas[schema_id]

    def decode(self, payload):
        if payload is None:
            return None  # a tombstone
        if len(payload) < 5 or payload[0] != 0:
            raise ValueError(f"not Confluent-framed Avro: starts with {payload[:5]!r}")
        schema_id = struct.unpack(">I", payload[1:5])[0]
        reader = avro.io.DatumReader(self.schema(schema_id))
        return reader.read(avro.io.BinaryDecoder(io.BytesIO(payload[5:])))


def read_topic(bootstrap, topic, limit=None, timeout_s=60):
    """Raw (key, value) records of a topic from the beginning to its end offsets at the time of the call."""
    # Committed records only (librdkafka's default, stated): the source connector and the pipeline write in
    # transactions, so an aborted record is no change.
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"notebook-{os.getpid()}-{time.time()}",
                         "enable.auto.commit": False, "isolation.level": "read_committed"})
    try:
        partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
        ends = {}
        for partition in partitions:
            low, high = consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=10)
            if high > low:
                ends[partition] = high
        consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in ends])
        records, deadline = [], time.time() + timeout_s
        while ends and time.time() < deadline and (limit is None or len(records) < limit):
            for message in consumer.consume(num_messages=500, timeout=1.0):
                if message.error():
                    raise RuntimeError(message.error())
                records.append((message.key(), message.value()))
            # The end offset counts transaction markers, which are never delivered: the position passes them.
            for position in consumer.position([TopicPartition(topic, p) for p in list(ends)]):
                if position.offset >= ends[position.partition]:
                    ends.pop(position.partition)
        if ends and limit is None:
            raise TimeoutError(f"{topic}: partitions {sorted(ends)} not read to the end within {timeout_s} s")
        return records if limit is None else records[:limit]
    finally:
        consumer.close()
