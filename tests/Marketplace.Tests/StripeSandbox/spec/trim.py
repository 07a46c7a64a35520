#!/usr/bin/env python3
"""Trims Stripe's OpenAPI description (github.com/stripe/openapi, MIT) to what the sandbox serves.

    python3 trim.py SPEC COMMIT

SPEC is openapi/spec3.json or spec3.yaml of stripe/openapi at COMMIT. Writes, beside this script,
stripe-spec.json (the served operations and every schema they reach, for the response tests) and, in the
sandbox library, Wire/stripe-operations.json (each operation's parameters and expandable fields, which the
sandbox checks requests against at run time). spec-additions.json is merged first: what Stripe changed after the
vendored version in what the sandbox serves; the script refuses to run once the spec has a change itself.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SANDBOX = HERE.parents[3] / "src" / "Marketplace.StripeSandbox" / "Wire"

# The sandbox's /v1 routes (src/Marketplace.StripeSandbox/StripeSandboxHosting.cs maps them).
SERVED = [
    ("post", "/v1/accounts"), ("get", "/v1/accounts/{account}"), ("post", "/v1/accounts/{account}"),
    ("delete", "/v1/accounts/{account}"), ("post", "/v1/account_links"), ("post", "/v1/accounts/{account}/login_links"),
    ("get", "/v1/balance"), ("get", "/v1/balance_transactions/{id}"),
    ("post", "/v1/payouts"), ("get", "/v1/payouts/{payout}"), ("get", "/v1/payouts"),
    ("get", "/v1/events/{id}"), ("get", "/v1/events"),
    ("post", "/v1/checkout/sessions"), ("get", "/v1/checkout/sessions/{session}"),
    ("get", "/v1/checkout/sessions/{session}/line_items"), ("post", "/v1/checkout/sessions/{session}/expire"),
    ("get", "/v1/payment_intents/{intent}"), ("get", "/v1/charges/{charge}"), ("get", "/v1/refunds/{refund}"),
    ("get", "/v1/disputes/{dispute}"), ("post", "/v1/refunds"),
    ("post", "/v1/transfers"), ("get", "/v1/transfers/{transfer}"), ("post", "/v1/transfers/{id}/reversals"),
    ("get", "/v1/application_fees/{id}"), ("post", "/v1/application_fees/{id}/refunds"),
    ("post", "/v1/disputes/{dispute}"), ("post", "/v1/disputes/{dispute}/close"),
    ("post", "/v1/payment_intents/{intent}/cancel"), ("post", "/v1/payment_intents/{intent}/capture"),
    # lists and capabilities, sorted by path
    ("get", "/v1/accounts/{account}/capabilities"), ("get", "/v1/accounts/{account}/capabilities/{capability}"),
    ("post", "/v1/accounts/{account}/capabilities/{capability}"), ("get", "/v1/application_fees"), ("get", "/v1/balance_transactions"),
    ("get", "/v1/charges"), ("get", "/v1/checkout/sessions"), ("get", "/v1/disputes"), ("get", "/v1/refunds"), ("get", "/v1/transfers"),
    ("get", "/v1/transfers/{id}/reversals"),
]
# Objects the sandbox keeps and so can expand or send in events; other expandable targets stay ids.
KEPT = {"account", "balance", "balance_transaction", "payout", "event", "checkout.session", "payment_intent", "charge",
        "refund", "dispute", "transfer", "transfer_reversal", "bank_account", "capability", "item", "account_link",
        "login_link", "deleted_account", "application_fee", "fee_refund"}
DROPPED_KEYS = {"description", "x-stripeBypassValidation", "x-stripeMostCommon", "x-stripeResource", "x-stripeOperations",
                "title", "example", "x-stripeParam"}


def load(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if path.endswith((".yaml", ".yml")):
        import yaml  # only for the YAML form of the spec
        return yaml.safe_load(text)
    return json.loads(text)


def strip(node, names=False):
    """Drops prose and Stripe-internal keys; the keys of a properties map are names (a parameter may be called description)."""
    if isinstance(node, dict):
        return {k: strip(v, k == "properties" and not names) for k, v in node.items() if names or k not in DROPPED_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def prune(node, resources):
    """References to API resources the sandbox does not keep become a bare object: the sandbox only ever sends their
    ids or null, which the other branch of such a field still checks."""
    if isinstance(node, dict):
        target = ref_name(node.get("$ref", ""))
        if target in resources and target not in KEPT:
            return {"type": "object", "x-notKept": target}
        return {k: prune(v, resources) for k, v in node.items()}
    if isinstance(node, list):
        return [prune(v, resources) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            found.add(ref_name(node["$ref"]))
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def reachable(schemas, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        found = set()
        refs(schemas[name], found)
        todo.extend(found - seen)
    return seen


def merge_additions(spec):
    additions = json.loads((HERE / "spec-additions.json").read_text(encoding="utf-8"))
    for key, properties in additions.get("requestParameters", {}).items():
        method, path = key.split(" ", 1)
        form = spec["paths"][path][method]["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
        for name, schema in properties.items():
            if name in form["properties"]:
                sys.exit(f"{key} {name} is in the spec now: remove it from spec-additions.json")
            form["properties"][name] = schema
    for key, schemas in additions.get("queryParameters", {}).items():
        method, path = key.split(" ", 1)
        parameters = spec["paths"][path][method].setdefault("parameters", [])
        for name, schema in schemas.items():
            if any(p["name"] == name and p["in"] == "query" for p in parameters):
                sys.exit(f"{key} {name} is in the spec now: remove it from spec-additions.json")
            parameters.append({"in": "query", "name": name, "required": False, "schema": schema, "style": "deepObject" if "anyOf" in schema else "form"})
        parameters.sort(key=lambda p: p["name"])
    for name, properties in additions.get("schemaProperties", {}).items():
        for prop, schema in properties.items():
            if prop in spec["components"]["schemas"][name]["properties"]:
                sys.exit(f"{name}.{prop} is in the spec now: remove it from spec-additions.json")
            spec["components"]["schemas"][name]["properties"][prop] = schema
    for name, properties in additions.get("propertyChanges", {}).items():
        for prop, changes in properties.items():
            target = spec["components"]["schemas"][name]["properties"][prop]
            if all(target.get(key) == value for key, value in changes.items()):
                sys.exit(f"{name}.{prop} is {changes} in the spec now: remove it from spec-additions.json")
            target.update(changes)
    spec["components"]["schemas"].update(additions.get("schemas", {}))


def main(spec_path, commit):
    spec = load(spec_path)
    merge_additions(spec)
    schemas = spec["components"]["schemas"]
    paths = {}
    for method, path in SERVED:
        paths.setdefault(path, {})[method] = strip(spec["paths"][path][method])
    resources = {name for name, schema in schemas.items() if "x-resourceId" in schema}
    paths = prune(paths, resources)
    pruned = {name: prune(strip(schema), resources) for name, schema in schemas.items()}
    found = set()
    refs(paths, found)
    trimmed = {name: pruned[name] for name in sorted(reachable(pruned, found | (KEPT & set(pruned))))}
    version = {"version": spec["info"]["version"], "source": "https://github.com/stripe/openapi", "commit": commit,
               "file": pathlib.Path(spec_path).name}
    out = {"openapi": spec["openapi"], "info": version, "paths": paths, "components": {"schemas": trimmed}}
    (HERE / "stripe-spec.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (SANDBOX / "stripe-operations.json").write_text(json.dumps(operations(paths, trimmed, version), indent=1, sort_keys=True) + "\n",
                                                    encoding="utf-8")


def operations(paths, schemas, version):
    ops = {}
    for path, methods in paths.items():
        for method, op in methods.items():
            if method == "post":
                form = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
            else:
                form = {"type": "object", "properties": {p["name"]: p["schema"] for p in op.get("parameters", []) if p["in"] == "query"}}
            form.setdefault("properties", {})
            response = op["responses"]["200"]["content"]["application/json"]["schema"]
            ops[f"{method.upper()} {path}"] = {"parameters": form, "response": response}
    expandable = {}
    for op in ops.values():
        if "$ref" not in op["response"] and "anyOf" not in op["response"]:
            found = set()
            refs(op["response"]["properties"]["data"], found)
            name = " ".join(sorted(found)) + " list"
            expandable[name] = {"data": sorted(found)}
            op["response"] = {"$ref": "#/components/schemas/" + name}
    for name, schema in schemas.items():
        fields = {}
        for field in schema.get("x-expandableFields", []):
            found = set()
            refs(schema.get("properties", {}).get(field, {}), found)
            fields[field] = sorted(found)
        expandable[name] = fields
    return {"info": version, "operations": ops, "expandable": expandable}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
