#!/usr/bin/env python3
"""Time AWS's own clients (boto3 and the AWS CLI) against a running FinSpace emulator.

The numbers are the baseline our client is compared with: the benchmark program's `baseline` mode
starts the emulator (10,000 datasets, signatures checked), measures our client the same way, runs
this script against the same emulator and prints both side by side:

    dotnet run -c Release --project benchmarks/FinSpace.Benchmarks -- baseline

Run alone against an emulator you started yourself:

    python3 benchmarks/baseline/boto3_baseline.py --endpoint-url http://127.0.0.1:8641 --expected 10000

Measures (all on one warm client unless said otherwise):
  - client creation: boto3.session.Session().client(...), median of --creations;
  - get_dataset: --warmup calls, then --calls timed calls; median, p90, mean in microseconds;
  - a full listing with boto3's paginator (PageSize 100), --listings times; seconds and items/s;
  - process start included: `python3 -c` importing boto3 for one list_datasets(maxResults=5),
    `aws finspace-data list-datasets --max-items 5 --page-size 5`, and a full
    `aws finspace-data list-datasets` (the CLI pages through everything itself), --cli-runs each.
Prints one JSON document. Reports; asserts nothing except that every listing saw --expected items.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

import boto3
import botocore

ACCESS_KEY = "AKIAFINSPACEEMU00001"
SECRET_KEY = "finspace-emulator-test-secret-00001"
REGION = "us-east-1"

COLD_PYTHON = """
import sys, boto3
c = boto3.session.Session().client("finspace-data", endpoint_url=sys.argv[1], region_name="us-east-1",
    aws_access_key_id="AKIAFINSPACEEMU00001", aws_secret_access_key="finspace-emulator-test-secret-00001")
print(len(c.list_datasets(maxResults=5)["datasets"]))
"""


def hermetic_env():
    """The environment for child processes: the test keys, no profile or config files of this machine."""
    env = dict(os.environ, AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
               AWS_DEFAULT_REGION=REGION, AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               AWS_EC2_METADATA_DISABLED="true")
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_FINSPACE_DATA",
                 "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"):
        env.pop(name, None)
    return env


def new_client(endpoint):
    return boto3.session.Session().client(
        "finspace-data", endpoint_url=endpoint, region_name=REGION,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)


def summary_us(samples_ns):
    ordered = sorted(samples_ns)
    return {
        "n": len(ordered),
        "median_us": statistics.median(ordered) / 1000,
        "p90_us": ordered[int(len(ordered) * 0.9) - 1] / 1000,
        "mean_us": statistics.fmean(ordered) / 1000,
        "min_us": ordered[0] / 1000,
    }


def time_creation(endpoint, count):
    samples = []
    for _ in range(count):
        start = time.perf_counter_ns()
        new_client(endpoint)
        samples.append(time.perf_counter_ns() - start)
    return summary_us(samples)


def time_get_dataset(client, dataset_id, warmup, calls):
    for _ in range(warmup):
        client.get_dataset(datasetId=dataset_id)
    samples = []
    for _ in range(calls):
        start = time.perf_counter_ns()
        client.get_dataset(datasetId=dataset_id)
        samples.append(time.perf_counter_ns() - start)
    return summary_us(samples)


def time_listing(client, expected, page_size, listings):
    runs = []
    for _ in range(listings):
        start = time.perf_counter()
        count = 0
        for page in client.get_paginator("list_datasets").paginate(PaginationConfig={"PageSize": page_size}):
            count += len(page["datasets"])
        elapsed = time.perf_counter() - start
        if count != expected:
            raise SystemExit(f"boto3 listed {count} datasets, expected {expected}")
        runs.append(elapsed)
    median = statistics.median(runs)
    return {"items": expected, "runs_s": runs, "median_s": median, "items_per_s": expected / median}


def time_process(command, env, runs, check):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{command[0]} exited {done.returncode}: {done.stderr.strip()[-500:]}")
        check(done.stdout)
        samples.append(elapsed)
    return {"runs_ms": [s * 1000 for s in samples], "median_ms": statistics.median(samples) * 1000}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--dataset-id", help="dataset for get_dataset (default: the first one listed)")
    parser.add_argument("--expected", type=int, required=True, help="how many datasets the emulator holds")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--creations", type=int, default=20)
    parser.add_argument("--listings", type=int, default=3)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--cli-runs", type=int, default=3)
    args = parser.parse_args()
    endpoint = args.endpoint_url.rstrip("/")

    # The in-process client must see exactly the settings the child processes get.
    os.environ.update(hermetic_env())
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_FINSPACE_DATA",
                 "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"):
        os.environ.pop(name, None)

    client = new_client(endpoint)
    dataset_id = args.dataset_id or client.list_datasets(maxResults=1)["datasets"][0]["datasetId"]
    result = {
        "versions": {"python": sys.version.split()[0], "boto3": boto3.__version__, "botocore": botocore.__version__},
        "client_creation": time_creation(endpoint, args.creations),
        "get_dataset": time_get_dataset(client, dataset_id, args.warmup, args.calls),
        "listing": time_listing(client, args.expected, args.page_size, args.listings),
    }

    def five_items(stdout):
        if stdout.strip() != "5" and len(json.loads(stdout).get("datasets", [])) != 5:
            raise SystemExit(f"expected 5 datasets, got: {stdout[:200]}")

    def all_items(stdout):
        count = len(json.loads(stdout)["datasets"])
        if count != args.expected:
            raise SystemExit(f"the AWS CLI listed {count} datasets, expected {args.expected}")

    env = hermetic_env()
    result["python_cold_call"] = time_process([sys.executable, "-c", COLD_PYTHON, endpoint], env, args.cli_runs, five_items)
    aws = shutil.which("aws")
    if aws is None:
        result["aws_cli"] = None
    else:
        version = subprocess.run([aws, "--version"], capture_output=True, text=True, env=env)
        result["versions"]["aws_cli"] = (version.stdout or version.stderr).strip()
        base = [aws, "finspace-data", "list-datasets", "--endpoint-url", endpoint, "--output", "json"]
        result["aws_cli"] = {
            "first_page": time_process(base + ["--max-items", "5", "--page-size", "5"], env, args.cli_runs, five_items),
            "full_listing": time_process(base, env, args.cli_runs, all_items),
        }

    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
