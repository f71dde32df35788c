#!/usr/bin/env python3
"""Drive every FinSpace Data operation through boto3 against a running emulator.

boto3/botocore are AWS's own client: their parameter validation and SigV4 signer build the
requests, their parser must read every response, their paginators must walk multi-page lists,
and error responses must surface as the modeled exception classes. Where boto3 and the emulator
disagree, the emulator is wrong.

    python3 tests/Conformance/boto3_conformance.py --endpoint-url http://127.0.0.1:8641

Exits 0 and prints a summary when everything matched; exits 1 naming the first mismatch otherwise.
The emulator may already hold data: every check works on resources this run creates.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import uuid

import boto3
import botocore
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

ACCESS_KEY = "AKIAFINSPACEEMU00001"
SECRET_KEY = "finspace-emulator-test-secret-00001"
REGION = "us-east-1"


class Mismatch(Exception):
    pass


class Conformance:
    def __init__(self, endpoint, timeout):
        self.endpoint = endpoint
        self.timeout = timeout
        self.checks = 0
        self.covered = set()
        self.run_id = uuid.uuid4().hex[:10]
        self.client = self.make_client()
        # botocore's own parameter validation off: lets the emulator's validation be exercised.
        self.raw = self.make_client(parameter_validation=False)

    # ---- plumbing -------------------------------------------------------------------------

    def make_client(self, access_key=ACCESS_KEY, secret_key=SECRET_KEY, session_token=None,
                    parameter_validation=True, unsigned=False):
        config = Config(
            retries={"max_attempts": 1},
            parameter_validation=parameter_validation,
            signature_version=UNSIGNED if unsigned else None,
        )
        client = boto3.session.Session().client(
            "finspace-data",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            aws_session_token=session_token,
            config=config,
        )
        client.meta.events.register("after-call.finspace-data", self.after_call)
        return client

    def after_call(self, http_response, model, **_):
        self.covered.add(model.name)
        self.check("x-amzn-requestid" in http_response.headers,
                   f"{model.name}: response {http_response.status_code} has no x-amzn-RequestId header")

    def check(self, condition, message):
        if not condition:
            raise Mismatch(message)
        self.checks += 1

    def equal(self, actual, expected, what):
        self.check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")

    def expect_error(self, exception_class, call, reason=None, mentions=None):
        try:
            call()
        except exception_class as e:
            self.check(True, "")
            if reason is not None:
                self.equal(e.response.get("reason"), reason, f"{exception_class.__name__} reason")
            if mentions is not None:
                message = e.response["Error"].get("Message", "")
                self.check(mentions in message, f"{exception_class.__name__} message {message!r} does not mention {mentions!r}")
            return e
        except ClientError as e:
            raise Mismatch(f"expected {exception_class.__name__}, got {e.response['Error'].get('Code')}: {e}")
        raise Mismatch(f"expected {exception_class.__name__}, but the call succeeded")

    def expect_code(self, code, status, call):
        try:
            call()
        except ClientError as e:
            self.equal(e.response["Error"]["Code"], code, "error code")
            self.equal(e.response["ResponseMetadata"]["HTTPStatusCode"], status, f"{code} status")
            return e
        raise Mismatch(f"expected {code}, but the call succeeded")

    def wait_for(self, read, field, terminal, what):
        deadline = time.monotonic() + self.timeout
        seen = []
        while True:
            value = read()
            status = value[field]
            if not seen or seen[-1] != status:
                seen.append(status)
            if status in terminal:
                return value, seen
            if time.monotonic() > deadline:
                raise Mismatch(f"{what} still {status} after {self.timeout}s (seen {seen})")
            time.sleep(0.02)

    def paginate(self, operation, page_size, **kwargs):
        pages = list(self.client.get_paginator(operation).paginate(PaginationConfig={"PageSize": page_size}, **kwargs))
        return pages

    def walk_manually(self, method, result_key, page_size, **kwargs):
        """For the list operations botocore has no paginator for: follow nextToken by hand."""
        items, pages, token = [], 0, None
        while True:
            args = dict(kwargs, maxResults=page_size)
            if token:
                args["nextToken"] = token
            page = method(**args)
            pages += 1
            items.extend(page[result_key])
            token = page.get("nextToken")
            if not token:
                return items, pages

    def name(self, prefix):
        return f"{prefix}-{self.run_id}-{uuid.uuid4().hex[:6]}"

    # ---- scenarios ------------------------------------------------------------------------

    def run(self):
        groups = self.permission_groups()
        users = self.users()
        self.memberships(groups, users)
        dataset_id = self.datasets(groups[0])
        self.changesets(dataset_id)
        self.dataviews(dataset_id)
        self.credentials()
        self.working_location()
        self.validation_and_paging_errors()
        self.idempotency()
        self.authentication()
        self.deletes(dataset_id, groups, users)
        self.aws_cli()
        missing = sorted(set(self.client.meta.service_model.operation_names) - self.covered)
        self.check(not missing, f"operations never exercised: {missing}")

    def permission_groups(self):
        c = self.client
        ids = []
        for i in range(3):
            r = c.create_permission_group(name=self.name(f"group{i}"), description="conformance group",
                                          applicationPermissions=["CreateDataset", "ViewAuditData"])
            ids.append(r["permissionGroupId"])
            self.check(22 <= len(r["permissionGroupId"]) <= 26, f"permission group id length {len(r['permissionGroupId'])}")
        g = c.get_permission_group(permissionGroupId=ids[0])["permissionGroup"]
        self.equal(g["permissionGroupId"], ids[0], "GetPermissionGroup id")
        self.equal(sorted(g["applicationPermissions"]), ["CreateDataset", "ViewAuditData"], "applicationPermissions")
        self.check(isinstance(g["createTime"], int), "createTime is epoch milliseconds")
        c.update_permission_group(permissionGroupId=ids[0], description="updated", applicationPermissions=["ManageUsersAndGroups"])
        g = c.get_permission_group(permissionGroupId=ids[0])["permissionGroup"]
        self.equal(g["description"], "updated", "updated description")
        self.equal(g["applicationPermissions"], ["ManageUsersAndGroups"], "updated permissions")
        self.check(g["lastModifiedTime"] >= g["createTime"], "lastModifiedTime moves forward")
        pages = self.paginate("list_permission_groups", 2)
        listed = [p["permissionGroupId"] for page in pages for p in page["permissionGroups"]]
        self.check(len(pages) >= 2, f"ListPermissionGroups paginator walked {len(pages)} page(s)")
        self.check([i for i in listed if i in ids] == ids, "ListPermissionGroups lists created groups once, in creation order")
        self.equal(len(listed), len(set(listed)), "no permission group listed twice")
        existing = g["name"]
        self.expect_error(c.exceptions.ConflictException,
                          lambda: c.create_permission_group(name=existing, applicationPermissions=["CreateDataset"]),
                          reason="PERMISSION_GROUP_NAME_ALREADY_EXISTS")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.get_permission_group(permissionGroupId="doesNotExist000000000000"),
                          reason="PERMISSION_GROUP_NOT_FOUND")
        return ids

    def users(self):
        c = self.client
        ids = []
        for i in range(3):
            r = c.create_user(emailAddress=f"{self.name('user')}@example.com", type="APP_USER",
                              firstName="Conf", lastName=f"User{i}", apiAccess="ENABLED",
                              apiAccessPrincipalArn="arn:aws:iam::123456789012:role/finspace-conformance")
            ids.append(r["userId"])
        first = c.get_user(userId=ids[0])
        self.check(first["status"] in ("CREATING", "ENABLED"), f"new user status {first['status']}")
        user, seen = self.wait_for(lambda: c.get_user(userId=ids[0]), "status", {"ENABLED"}, "user")
        self.check(seen[-1] == "ENABLED" and all(s in ("CREATING", "ENABLED") for s in seen), f"user lifecycle {seen}")
        self.check("lastEnabledTime" in user, "an enabled user has lastEnabledTime")
        c.update_user(userId=ids[0], firstName="Renamed", type="SUPER_USER")
        user = c.get_user(userId=ids[0])
        self.equal((user["firstName"], user["type"]), ("Renamed", "SUPER_USER"), "UpdateUser")
        self.equal(c.disable_user(userId=ids[0])["userId"], ids[0], "DisableUser userId")
        disabled = c.get_user(userId=ids[0])
        self.equal(disabled["status"], "DISABLED", "status after DisableUser")
        self.check("lastDisabledTime" in disabled, "DisableUser sets lastDisabledTime")
        self.equal(c.enable_user(userId=ids[0])["userId"], ids[0], "EnableUser userId")
        enabled = c.get_user(userId=ids[0])
        self.equal(enabled["status"], "ENABLED", "status after EnableUser")
        self.check(enabled["lastEnabledTime"] >= disabled["lastDisabledTime"], "EnableUser moves lastEnabledTime")
        reset = c.reset_user_password(userId=ids[0])
        self.equal(reset["userId"], ids[0], "ResetUserPassword userId")
        self.check(len(reset["temporaryPassword"]) >= 8, "ResetUserPassword returns a temporary password")
        email = user["emailAddress"]
        self.expect_error(c.exceptions.ConflictException,
                          lambda: c.create_user(emailAddress=email.upper(), type="APP_USER"),
                          reason="EMAIL_ALREADY_EXISTS")
        pages = self.paginate("list_users", 2)
        listed = [u["userId"] for page in pages for u in page["users"]]
        self.check(len(pages) >= 2, f"ListUsers paginator walked {len(pages)} page(s)")
        self.check([i for i in listed if i in ids] == ids, "ListUsers lists created users in creation order")
        self.expect_error(c.exceptions.ResourceNotFoundException, lambda: c.get_user(userId="doesNotExist000000000000"),
                          reason="USER_NOT_FOUND")
        return ids

    def memberships(self, groups, users):
        c = self.client
        for user in users[:2]:
            r = c.associate_user_to_permission_group(permissionGroupId=groups[0], userId=user)
            self.equal(r.get("statusCode"), 200, "AssociateUserToPermissionGroup statusCode")
        c.associate_user_to_permission_group(permissionGroupId=groups[1], userId=users[0])
        members, pages = self.walk_manually(c.list_users_by_permission_group, "users", 1, permissionGroupId=groups[0])
        self.equal([m["userId"] for m in members], users[:2], "ListUsersByPermissionGroup")
        self.equal(pages, 2, "ListUsersByPermissionGroup pages with maxResults=1")
        self.check(all(m["membershipStatus"] == "ADDITION_SUCCESS" for m in members), "membershipStatus")
        mine, _ = self.walk_manually(c.list_permission_groups_by_user, "permissionGroups", 1, userId=users[0])
        self.equal([g["permissionGroupId"] for g in mine], groups[:2], "ListPermissionGroupsByUser")
        self.check(all(g.get("name") for g in mine), "ListPermissionGroupsByUser names the groups")
        self.expect_error(c.exceptions.ConflictException,
                          lambda: c.associate_user_to_permission_group(permissionGroupId=groups[0], userId=users[0]),
                          reason="USER_ALREADY_IN_PERMISSION_GROUP")
        r = c.disassociate_user_from_permission_group(permissionGroupId=groups[0], userId=users[1])
        self.equal(r.get("statusCode"), 200, "DisassociateUserFromPermissionGroup statusCode")
        members, _ = self.walk_manually(c.list_users_by_permission_group, "users", 5, permissionGroupId=groups[0])
        self.equal([m["userId"] for m in members], users[:1], "members after disassociation")
        theirs, _ = self.walk_manually(c.list_permission_groups_by_user, "permissionGroups", 5, userId=users[1])
        self.equal(theirs, [], "the other side agrees after disassociation")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.disassociate_user_from_permission_group(permissionGroupId=groups[0], userId=users[1]),
                          reason="MEMBERSHIP_NOT_FOUND")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.associate_user_to_permission_group(permissionGroupId=groups[0], userId="doesNotExist000000000000"),
                          reason="USER_NOT_FOUND")

    def datasets(self, group_id):
        c = self.client
        alias = f"alias/{self.name('ds')}"
        schema = {"tabularSchemaConfig": {
            "columns": [{"dataType": "STRING", "columnName": "ticker", "columnDescription": "symbol"},
                        {"dataType": "DOUBLE", "columnName": "price"}],
            "primaryKeyColumns": ["ticker"]}}
        r = c.create_dataset(datasetTitle="Conformance prices", kind="TABULAR", datasetDescription="prices",
                             ownerInfo={"name": "Owner", "email": "owner@example.com", "phoneNumber": "+15555550100"},
                             permissionGroupParams={"permissionGroupId": group_id,
                                                    "datasetPermissions": [{"permission": "ViewDatasetDetails"}]},
                             alias=alias, schemaDefinition=schema)
        dataset_id = r["datasetId"]
        self.check(22 <= len(dataset_id) <= 26, "dataset id length")
        d, seen = self.wait_for(lambda: c.get_dataset(datasetId=dataset_id), "status", {"SUCCESS", "FAILED"}, "dataset")
        self.equal(seen[-1], "SUCCESS", f"dataset lifecycle {seen}")
        self.check(all(s in ("PENDING", "RUNNING", "SUCCESS") for s in seen), f"dataset statuses {seen}")
        self.equal(d["datasetArn"], f"arn:aws:finspace:{REGION}:123456789012:dataset/{dataset_id}" if d["datasetArn"].split(":")[4] == "123456789012" else d["datasetArn"], "dataset ARN shape")
        self.check(d["datasetArn"].startswith("arn:aws:finspace:") and d["datasetArn"].endswith(f":dataset/{dataset_id}"), "dataset ARN")
        self.equal(d["schemaDefinition"], schema, "schemaDefinition round trip")
        self.equal(d["alias"], alias, "alias")
        c.update_dataset(datasetId=dataset_id, datasetTitle="Renamed prices", kind="TABULAR", datasetDescription="new")
        d = c.get_dataset(datasetId=dataset_id)
        self.equal((d["datasetTitle"], d["datasetDescription"], d["alias"]), ("Renamed prices", "new", alias), "UpdateDataset")
        self.expect_error(c.exceptions.ConflictException,
                          lambda: c.create_dataset(datasetTitle="dup", kind="NON_TABULAR", permissionGroupParams={}, alias=alias),
                          reason="ALIAS_ALREADY_EXISTS")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.create_dataset(datasetTitle="orphan", kind="TABULAR",
                                                   permissionGroupParams={"permissionGroupId": "doesNotExist000000000000"}),
                          reason="PERMISSION_GROUP_NOT_FOUND")
        extra = [c.create_dataset(datasetTitle=f"extra {i}", kind="NON_TABULAR", permissionGroupParams={})["datasetId"] for i in range(4)]
        pages = self.paginate("list_datasets", 2)
        listed = [x["datasetId"] for page in pages for x in page["datasets"]]
        self.check(len(pages) >= 3, f"ListDatasets paginator walked {len(pages)} page(s)")
        self.equal([x for x in listed if x in [dataset_id] + extra], [dataset_id] + extra, "ListDatasets order")
        self.equal(len(listed), len(set(listed)), "no dataset listed twice")
        mine = next(x for page in pages for x in page["datasets"] if x["datasetId"] == dataset_id)
        self.equal(mine["ownerInfo"]["name"], "Owner", "ListDatasets carries ownerInfo")
        self.expect_error(c.exceptions.ResourceNotFoundException, lambda: c.get_dataset(datasetId="doesNotExist000000000000"),
                          reason="DATASET_NOT_FOUND")
        for x in extra:
            self.equal(c.delete_dataset(datasetId=x)["datasetId"], x, "DeleteDataset")
        return dataset_id

    def changesets(self, dataset_id):
        c = self.client
        fmt = {"formatType": "CSV", "withHeader": "true"}
        good = c.create_changeset(datasetId=dataset_id, changeType="REPLACE",
                                  sourceParams={"s3SourcePath": "s3://bucket/prices/2024.csv"}, formatParams=fmt)
        self.equal(good["datasetId"], dataset_id, "CreateChangeset datasetId")
        bad = c.create_changeset(datasetId=dataset_id, changeType="APPEND",
                                 sourceParams={"s3SourcePath": "s3://bucket/emulator-fail-ACCESS_DENIED/x.csv"}, formatParams=fmt)
        ok, seen = self.wait_for(lambda: c.get_changeset(datasetId=dataset_id, changesetId=good["changesetId"]),
                                 "status", {"SUCCESS", "FAILED"}, "changeset")
        self.equal(ok["status"], "SUCCESS", f"changeset lifecycle {seen}")
        self.check(all(s in ("PENDING", "RUNNING", "SUCCESS") for s in seen), f"changeset statuses {seen}")
        self.check("activeFromTimestamp" in ok and "activeUntilTimestamp" not in ok, "a current changeset is active from, not until")
        self.check(ok["changesetArn"].endswith(f"/changeset/{good['changesetId']}"), "changeset ARN")
        failed, _ = self.wait_for(lambda: c.get_changeset(datasetId=dataset_id, changesetId=bad["changesetId"]),
                                  "status", {"SUCCESS", "FAILED"}, "failing changeset")
        self.equal(failed["status"], "FAILED", "failure marker")
        self.equal(failed["errorInfo"]["errorCategory"], "ACCESS_DENIED", "errorInfo.errorCategory from the marker")
        self.check(failed["errorInfo"]["errorMessage"], "errorInfo.errorMessage")
        self.expect_error(c.exceptions.ValidationException,
                          lambda: c.create_changeset(datasetId=dataset_id, changeType="APPEND", sourceParams={"other": "x"}, formatParams=fmt),
                          mentions="s3SourcePath")
        updated = c.update_changeset(datasetId=dataset_id, changesetId=good["changesetId"],
                                     sourceParams={"s3SourcePath": "s3://bucket/prices/2024-fixed.csv"}, formatParams=fmt)
        self.check(updated["changesetId"] != good["changesetId"], "UpdateChangeset creates the superseding changeset")
        new, _ = self.wait_for(lambda: c.get_changeset(datasetId=dataset_id, changesetId=updated["changesetId"]),
                               "status", {"SUCCESS", "FAILED"}, "updated changeset")
        old = c.get_changeset(datasetId=dataset_id, changesetId=good["changesetId"])
        self.equal(new["updatesChangesetId"], good["changesetId"], "updatesChangesetId")
        self.equal(old["updatedByChangesetId"], updated["changesetId"], "updatedByChangesetId")
        self.equal(old["activeUntilTimestamp"], new["activeFromTimestamp"], "old activeUntil = new activeFrom")
        self.expect_error(c.exceptions.ConflictException,
                          lambda: c.update_changeset(datasetId=dataset_id, changesetId=good["changesetId"],
                                                     sourceParams={"s3SourcePath": "s3://b/k"}, formatParams=fmt),
                          reason="CHANGESET_ALREADY_UPDATED")
        pages = self.paginate("list_changesets", 1, datasetId=dataset_id)
        listed = [x["changesetId"] for page in pages for x in page["changesets"]]
        self.equal(listed, [good["changesetId"], bad["changesetId"], updated["changesetId"]], "ListChangesets, one per page")
        self.equal(len(pages), 3, "ListChangesets pages")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.get_changeset(datasetId=dataset_id, changesetId="doesNotExist000000000000"),
                          reason="CHANGESET_NOT_FOUND")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.list_changesets(datasetId="doesNotExist000000000000"), reason="DATASET_NOT_FOUND")

    def dataviews(self, dataset_id):
        c = self.client
        dest = {"destinationType": "S3", "s3DestinationExportFileFormat": "PARQUET",
                "s3DestinationExportFileFormatOptions": {"compression": "snappy"}}
        r = c.create_data_view(datasetId=dataset_id, autoUpdate=True, sortColumns=["ticker"],
                               partitionColumns=["ticker"], asOfTimestamp=1700000000000, destinationTypeParams=dest)
        view_id = r["dataViewId"]
        failing = c.create_data_view(datasetId=dataset_id, destinationTypeParams={"destinationType": "emulator-fail"})["dataViewId"]
        view, seen = self.wait_for(lambda: c.get_data_view(datasetId=dataset_id, dataViewId=view_id),
                                   "status", {"SUCCESS", "FAILED"}, "dataview")
        self.equal(view["status"], "SUCCESS", f"dataview lifecycle {seen}")
        self.check(all(s in ("STARTING", "RUNNING", "SUCCESS") for s in seen), f"dataview statuses {seen}")
        self.equal(view["destinationTypeParams"], dest, "destinationTypeParams round trip")
        self.equal(view["asOfTimestamp"], 1700000000000, "asOfTimestamp")
        self.equal(view["autoUpdate"], True, "autoUpdate")
        bad, _ = self.wait_for(lambda: c.get_data_view(datasetId=dataset_id, dataViewId=failing),
                               "status", {"SUCCESS", "FAILED"}, "failing dataview")
        self.equal(bad["status"], "FAILED", "dataview failure marker")
        self.equal(bad["errorInfo"]["errorCategory"], "USER_RECOVERABLE", "default failure category")
        pages = self.paginate("list_data_views", 1, datasetId=dataset_id)
        listed = [x["dataViewId"] for page in pages for x in page["dataViews"]]
        self.equal(listed, [view_id, failing], "ListDataViews")
        summary = pages[0]["dataViews"][0]
        self.equal(summary["destinationTypeProperties"]["destinationType"], "S3", "DataViewSummary.destinationTypeProperties")
        details = c.get_external_data_view_access_details(datasetId=dataset_id, dataViewId=view_id)
        creds = details["credentials"]
        self.check(creds["accessKeyId"].startswith("ASIA") and creds["secretAccessKey"] and creds["sessionToken"], "external access credentials")
        self.check(isinstance(creds["expiration"], int), "credentials.expiration is epoch milliseconds")
        self.check(details["s3Location"]["bucket"] and view_id in details["s3Location"]["key"], "external access S3 location")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.get_data_view(datasetId=dataset_id, dataViewId="doesNotExist000000000000"),
                          reason="DATAVIEW_NOT_FOUND")

    def credentials(self):
        r = self.client.get_programmatic_access_credentials(environmentId="conformanceEnv", durationInMinutes=15)
        creds = r["credentials"]
        self.equal(r["durationInMinutes"], 15, "durationInMinutes")
        self.check(creds["accessKeyId"].startswith("ASIA") and len(creds["accessKeyId"]) == 20, "temporary access key id shape")
        temporary = self.make_client(creds["accessKeyId"], creds["secretAccessKey"], creds["sessionToken"])
        self.check("datasets" in temporary.list_datasets(maxResults=1), "temporary credentials sign requests")
        wrong_token = self.make_client(creds["accessKeyId"], creds["secretAccessKey"], "not-the-session-token")
        self.expect_code("UnrecognizedClientException", 403, lambda: wrong_token.list_datasets())
        self.expect_error(self.raw.exceptions.ValidationException,
                          lambda: self.raw.get_programmatic_access_credentials(environmentId="e", durationInMinutes=61),
                          mentions="durationInMinutes")

    def working_location(self):
        for location_type in ("INGESTION", "SAGEMAKER"):
            r = self.client.get_working_location(locationType=location_type)
            self.check(r["s3Bucket"] and r["s3Path"], "working location bucket and path")
            self.equal(r["s3Uri"], f"s3://{r['s3Bucket']}/{r['s3Path']}", "s3Uri agrees with bucket and path")

    def validation_and_paging_errors(self):
        c, raw = self.client, self.raw
        # Each client has its own modeled exception classes: match the client that made the call.
        ve = raw.exceptions.ValidationException
        self.expect_error(ve, lambda: raw.create_dataset(datasetTitle="", kind="TABULAR", permissionGroupParams={}),
                          reason="FIELD_VALIDATION_FAILED", mentions="datasetTitle")
        self.expect_error(ve, lambda: raw.create_dataset(datasetTitle="t", kind="tabular", permissionGroupParams={}),
                          mentions="kind")
        self.expect_error(ve, lambda: raw.create_dataset(kind="TABULAR", permissionGroupParams={}), mentions="datasetTitle")
        self.expect_error(ve, lambda: raw.create_user(emailAddress="not-an-email", type="APP_USER"), mentions="emailAddress")
        self.expect_error(ve, lambda: raw.list_users(maxResults=0), mentions="maxResults")
        self.expect_error(ve, lambda: raw.list_users(maxResults=101), mentions="maxResults")
        self.expect_error(ve, lambda: raw.list_datasets(maxResults=500), mentions="maxResults")
        ve = c.exceptions.ValidationException
        first = c.list_users(maxResults=1)
        self.check("nextToken" in first, "ListUsers with maxResults=1 returns a nextToken")
        token = first["nextToken"]
        tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        self.expect_error(ve, lambda: c.list_users(maxResults=1, nextToken=tampered), reason="INVALID_NEXT_TOKEN")
        self.expect_error(ve, lambda: c.list_permission_groups(maxResults=1, nextToken=token), reason="INVALID_NEXT_TOKEN")
        self.expect_error(ve, lambda: c.list_datasets(nextToken="garbage"), reason="INVALID_NEXT_TOKEN")

    def idempotency(self):
        c = self.client
        token = str(uuid.uuid4())
        name = self.name("idem")
        a = c.create_permission_group(name=name, applicationPermissions=["CreateDataset"], clientToken=token)
        b = c.create_permission_group(name=name, applicationPermissions=["CreateDataset"], clientToken=token)
        self.equal(b["permissionGroupId"], a["permissionGroupId"], "a repeated clientToken returns the first result")
        self.expect_error(c.exceptions.ConflictException,
                          lambda: c.create_permission_group(name=name + "x", applicationPermissions=["CreateDataset"], clientToken=token))

    def authentication(self):
        wrong_secret = self.make_client(secret_key="wrong-secret")
        self.expect_code("InvalidSignatureException", 403, lambda: wrong_secret.list_datasets())
        unknown = self.make_client(access_key="AKIAUNKNOWNKEY000000")
        self.expect_code("UnrecognizedClientException", 403, lambda: unknown.list_datasets())
        unsigned = self.make_client(unsigned=True)
        self.expect_code("MissingAuthenticationTokenException", 403, lambda: unsigned.list_datasets())

    def deletes(self, dataset_id, groups, users):
        c = self.client
        changesets = c.list_changesets(datasetId=dataset_id)["changesets"]
        self.equal(c.delete_dataset(datasetId=dataset_id)["datasetId"], dataset_id, "DeleteDataset")
        self.expect_error(c.exceptions.ResourceNotFoundException, lambda: c.get_dataset(datasetId=dataset_id))
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.get_changeset(datasetId=dataset_id, changesetId=changesets[0]["changesetId"]),
                          reason="DATASET_NOT_FOUND")
        self.expect_error(c.exceptions.ResourceNotFoundException, lambda: c.list_data_views(datasetId=dataset_id))
        self.equal(c.delete_permission_group(permissionGroupId=groups[1])["permissionGroupId"], groups[1], "DeletePermissionGroup")
        mine, _ = self.walk_manually(c.list_permission_groups_by_user, "permissionGroups", 5, userId=users[0])
        self.equal([g["permissionGroupId"] for g in mine], groups[:1], "a deleted group leaves the user's groups")
        self.expect_error(c.exceptions.ResourceNotFoundException,
                          lambda: c.delete_permission_group(permissionGroupId=groups[1]), reason="PERMISSION_GROUP_NOT_FOUND")

    def aws_cli(self):
        aws = shutil.which("aws")
        if aws is None:
            print("note: AWS CLI not found; its smoke check was not run")
            return
        env = dict(os.environ, AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                   AWS_DEFAULT_REGION=REGION, AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        env.pop("AWS_PROFILE", None)
        env.pop("AWS_SESSION_TOKEN", None)
        done = subprocess.run([aws, "finspace-data", "list-datasets", "--endpoint-url", self.endpoint, "--max-items", "3", "--output", "json"],
                              capture_output=True, text=True, env=env, timeout=120)
        self.equal(done.returncode, 0, f"aws finspace-data list-datasets exit code (stderr: {done.stderr.strip()})")
        self.check(isinstance(json.loads(done.stdout).get("datasets"), list), "AWS CLI parses ListDatasets")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint-url", required=True, help="the emulator, e.g. http://127.0.0.1:8641")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a lifecycle to settle")
    args = parser.parse_args()
    run = Conformance(args.endpoint_url.rstrip("/"), args.timeout)
    started = time.monotonic()
    try:
        run.run()
    except Mismatch as e:
        print(f"MISMATCH: {e}", file=sys.stderr)
        print(f"boto3 conformance FAILED after {run.checks} checks; operations covered so far: {len(run.covered)}/31", file=sys.stderr)
        return 1
    except (ClientError, botocore.exceptions.BotoCoreError) as e:
        print(f"MISMATCH: unexpected botocore error: {e!r}", file=sys.stderr)
        print(f"boto3 conformance FAILED after {run.checks} checks", file=sys.stderr)
        return 1
    total = len(run.client.meta.service_model.operation_names)
    print(f"boto3 conformance: {len(run.covered)}/{total} operations covered, {run.checks} checks passed "
          f"in {time.monotonic() - started:.1f}s (botocore {botocore.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
