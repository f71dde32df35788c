#!/usr/bin/env python3
"""boto3's side of the bulk benchmarks (benchmarks/bulk/Measure-Bulk.ps1 runs it): one process, one
default client (boto3's default retry mode and attempts), a plain loop, against a running emulator.

    python3 benchmarks/baseline/boto3_bulk.py --endpoint-url URL associate --group-id PG --user-ids-file ids.txt
    python3 benchmarks/baseline/boto3_bulk.py --endpoint-url URL create --count 1000 --prefix run1

Prints one JSON document (seconds, succeeded, failed, errors by code). Reports; asserts nothing.
"""
import argparse
import collections
import json
import time

import boto3
import botocore

ACCESS_KEY = "AKIAFINSPACEEMU00001"
SECRET_KEY = "finspace-emulator-test-secret-00001"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint-url", required=True)
    sub = parser.add_subparsers(dest="mode", required=True)
    associate = sub.add_parser("associate")
    associate.add_argument("--group-id", required=True)
    associate.add_argument("--user-ids-file", required=True)
    create = sub.add_parser("create")
    create.add_argument("--count", type=int, default=1000)
    create.add_argument("--prefix", required=True)
    args = parser.parse_args()

    client = boto3.session.Session().client(
        "finspace-data", endpoint_url=args.endpoint_url, region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
    errors = collections.Counter()
    failed_items = []
    succeeded = 0
    start = time.perf_counter()
    if args.mode == "associate":
        with open(args.user_ids_file, encoding="utf-8") as handle:
            ids = [line.strip() for line in handle if line.strip()]
        for user_id in ids:
            try:
                client.associate_user_to_permission_group(permissionGroupId=args.group_id, userId=user_id)
                succeeded += 1
            except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as error:
                errors[getattr(error, "response", {}).get("Error", {}).get("Code", type(error).__name__)] += 1
        total = len(ids)
    else:
        for i in range(1, args.count + 1):
            email = f"{args.prefix}-{i:05d}@example.com"
            try:
                client.create_user(emailAddress=email, type="APP_USER")
                succeeded += 1
            except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as error:
                errors[getattr(error, "response", {}).get("Error", {}).get("Code", type(error).__name__)] += 1
                failed_items.append(email)
        total = args.count
    seconds = time.perf_counter() - start
    print(json.dumps({"client": f"boto3 {boto3.__version__} (botocore {botocore.__version__}), default client",
                      "mode": args.mode, "items": total, "seconds": round(seconds, 2), "succeeded": succeeded,
                      "failed": total - succeeded, "errors": dict(errors), "failedItems": failed_items}))


if __name__ == "__main__":
    main()
