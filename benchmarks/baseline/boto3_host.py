#!/usr/bin/env python3
"""boto3's side of benchmarks/host/Measure-Host.ps1, in one warm Python process per call.

    python3 benchmarks/baseline/boto3_host.py --endpoint-url URL list --expected 10000 --runs 5
    python3 benchmarks/baseline/boto3_host.py --endpoint-url URL get --ids-file ids.txt --runs 5
    python3 benchmarks/baseline/boto3_host.py --endpoint-url URL upload --dir DIR --bucket B --prefix P --s3-endpoint URL --runs 5

Each subcommand warms the client with one untimed round, then times --runs rounds and prints one JSON
document: seconds per round, and for `list` the growth of the process's peak resident set over the
first timed round (ru_maxrss). Reports; asserts only that each listing saw --expected items.
"""
import argparse
import json
import os
import resource
import sys
import time

import boto3
import botocore

ACCESS_KEY = "AKIAFINSPACEEMU00001"
SECRET_KEY = "finspace-emulator-test-secret-00001"
REGION = "us-east-1"


def client(service, endpoint):
    return boto3.session.Session().client(
        service, endpoint_url=endpoint, region_name=REGION,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)


def timed(rounds, work):
    work()  # warm-up round, untimed
    seconds = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return seconds


def list_all(finspace, expected, page_size):
    count = 0
    for page in finspace.get_paginator("list_datasets").paginate(PaginationConfig={"PageSize": page_size}):
        count += len(page["datasets"])
    if count != expected:
        raise SystemExit(f"listed {count} datasets, expected {expected}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--runs", type=int, default=5)
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list")
    listing.add_argument("--expected", type=int, required=True)
    listing.add_argument("--page-size", type=int, default=100)
    get = commands.add_parser("get")
    get.add_argument("--ids-file", required=True)
    upload = commands.add_parser("upload")
    upload.add_argument("--dir", required=True)
    upload.add_argument("--bucket", required=True)
    upload.add_argument("--prefix", required=True)
    upload.add_argument("--s3-endpoint", required=True)
    args = parser.parse_args()

    result = {"client": f"boto3 {boto3.__version__} (botocore {botocore.__version__})", "runs": args.runs}
    if args.command == "list":
        finspace = client("finspace-data", args.endpoint_url)
        list_all(finspace, args.expected, args.page_size)  # warm-up
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        list_all(finspace, args.expected, args.page_size)
        first = time.perf_counter() - start
        growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        rest = [first]
        for _ in range(args.runs - 1):
            start = time.perf_counter()
            list_all(finspace, args.expected, args.page_size)
            rest.append(time.perf_counter() - start)
        result.update(items=args.expected, seconds=rest, peakRssGrowthKiB=growth)
    elif args.command == "get":
        with open(args.ids_file, encoding="utf-8") as handle:
            ids = [line.strip() for line in handle if line.strip()]
        finspace = client("finspace-data", args.endpoint_url)

        def get_each():
            for dataset_id in ids:
                finspace.get_dataset(datasetId=dataset_id)

        result.update(items=len(ids), seconds=timed(args.runs, get_each))
    else:
        s3 = client("s3", args.s3_endpoint)
        files = sorted(name for name in os.listdir(args.dir) if os.path.isfile(os.path.join(args.dir, name)))
        round_number = [0]

        def upload_all():
            round_number[0] += 1
            for name in files:
                s3.upload_file(os.path.join(args.dir, name), args.bucket, f"{args.prefix}{round_number[0]}/{name}")

        result.update(items=len(files), seconds=timed(args.runs, upload_all))
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
