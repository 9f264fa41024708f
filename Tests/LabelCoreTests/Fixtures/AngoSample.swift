// Ango's own sample task, copied verbatim from Ango Hub's documentation page on the exported
// `task` object (reference/ango-export-task.md, "Sample Task").
enum AngoSample {
    static let task = """
        {
            "taskId": "64e5e5b985eb730015b4ebd9",
            "stage": "Complete",
            "stageId": "Complete",
            "updatedAt": "2023-08-23T11:36:38.027Z",
            "updatedBy": "lorenzo@imerit.net",
            "totalDuration": 49596,
            "tools": [
                {
                    "bounding-box": {
                        "x": 301.6699801192843,
                        "y": 429.05027932960894,
                        "height": 173.76536312849163,
                        "width": 118.09145129224652
                    },
                    "objectId": "765742a3b676d3f26898792",
                    "classifications": [],
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:32.792Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "schemaId": "b1c6805d054f0e44ae11500",
                    "page": 504,
                    "title": "bb"
                },
                {
                    "polygon": [
                        [
                            593.6779324055666,
                            1121.9664804469273
                        ],
                        [
                            443.3797216699801,
                            1349.36312849162
                        ],
                        [
                            576.5009940357853,
                            1375.1061452513966
                        ]
                    ],
                    "objectId": "408deff4664cc342d236127",
                    "classifications": [],
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:37.127Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "schemaId": "a966c7799383465850cd803",
                    "page": 504,
                    "title": "gon"
                },
                {
                    "objectId": "765742a3b676d3f26898792",
                    "schemaId": "b1c6805d054f0e44ae11500",
                    "classifications": [],
                    "bounding-box": {
                        "x": 801.948310139165,
                        "y": 1428.7374301675977,
                        "height": 173.76536312849163,
                        "width": 118.09145129224652
                    },
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:40.952Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "page": 506,
                    "title": "bb"
                },
                {
                    "objectId": "408deff4664cc342d236127",
                    "schemaId": "a966c7799383465850cd803",
                    "classifications": [],
                    "polygon": [
                        [
                            217.93240556660038,
                            229.54189944134077
                        ],
                        [
                            67.63419483101391,
                            456.9385474860335
                        ],
                        [
                            200.75546719681907,
                            482.68156424581
                        ]
                    ],
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:42.215Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "page": 506,
                    "title": "gon"
                }
            ],
            "classifications": [
                {
                    "objectId": "3d5cd10ba190b29d2850724",
                    "schemaId": "6421df1fa34ac13204ea157",
                    "tool": "radio",
                    "title": "rdo",
                    "answer": "1",
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:51.725Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "classifications": []
                },
                {
                    "objectId": "f4e53917c222c8e62dbb715",
                    "schemaId": "1ea7a275ce5c9cf30a6f148",
                    "tool": "checkbox",
                    "title": "chk",
                    "answer": [
                        "1"
                    ],
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:52.716Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "classifications": []
                },
                {
                    "objectId": "0b057a52a2bb648b197f180",
                    "schemaId": "a2b4a50bb90eb6523b88376",
                    "tool": "single-dropdown",
                    "title": "sdr",
                    "answer": "1",
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:54.180Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "classifications": []
                },
                {
                    "objectId": "19ae5491832a3bd42704684",
                    "schemaId": "11f6ed8e4ac4852d3422341",
                    "tool": "multi-dropdown",
                    "title": "mdr",
                    "answer": [
                        "1"
                    ],
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:55.684Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "classifications": []
                },
                {
                    "objectId": "7ed41243066d9b09e652723",
                    "schemaId": "c2b5eb27e55b186f84f3898",
                    "tool": "tree-dropdown",
                    "title": "tre",
                    "answer": [
                        "1",
                        "1 / 2"
                    ],
                    "metadata": {
                        "createdAt": "2023-08-23T11:20:59.723Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label",
                        "updatedAt": "2023-08-23T11:21:01.940Z",
                        "updatedBy": "lorenzo@imerit.net",
                        "updatedIn": "Label"
                    },
                    "classifications": []
                },
                {
                    "objectId": "bde3bab1fbdbcecdc891100",
                    "schemaId": "6590a72d09f1760a4578032",
                    "tool": "text",
                    "title": "txt",
                    "answer": "2",
                    "metadata": {
                        "createdAt": "2023-08-23T11:21:01.100Z",
                        "createdBy": "lorenzo@imerit.net",
                        "createdIn": "Label"
                    },
                    "classifications": []
                }
            ],
            "relations": [],
            "stageHistory": [
                {
                    "stage": "Start",
                    "stageId": "Start",
                    "duration": 0,
                    "completedAt": "2023-08-23T10:55:53.495Z",
                    "tools": [],
                    "classifications": [],
                    "relations": []
                },
                {
                    "stage": "Label",
                    "stageId": "Label",
                    "duration": 46753,
                    "completedAt": "2023-08-23T11:21:04.393Z",
                    "completedBy": "lorenzo@imerit.net",
                    "tools": [
                        {
                            "bounding-box": {
                                "x": 301.6699801192843,
                                "y": 429.05027932960894,
                                "height": 173.76536312849163,
                                "width": 118.09145129224652
                            },
                            "objectId": "765742a3b676d3f26898792",
                            "classifications": [],
                            "schemaId": "b1c6805d054f0e44ae11500",
                            "page": 504,
                            "title": "bb"
                        },
                        {
                            "polygon": [
                                [
                                    593.6779324055666,
                                    1121.9664804469273
                                ],
                                [
                                    443.3797216699801,
                                    1349.36312849162
                                ],
                                [
                                    576.5009940357853,
                                    1375.1061452513966
                                ]
                            ],
                            "objectId": "408deff4664cc342d236127",
                            "classifications": [],
                            "schemaId": "a966c7799383465850cd803",
                            "page": 504,
                            "title": "gon"
                        },
                        {
                            "objectId": "765742a3b676d3f26898792",
                            "schemaId": "b1c6805d054f0e44ae11500",
                            "classifications": [],
                            "bounding-box": {
                                "x": 801.948310139165,
                                "y": 1428.7374301675977,
                                "height": 173.76536312849163,
                                "width": 118.09145129224652
                            },
                            "page": 506,
                            "title": "bb"
                        },
                        {
                            "objectId": "408deff4664cc342d236127",
                            "schemaId": "a966c7799383465850cd803",
                            "classifications": [],
                            "polygon": [
                                [
                                    217.93240556660038,
                                    229.54189944134077
                                ],
                                [
                                    67.63419483101391,
                                    456.9385474860335
                                ],
                                [
                                    200.75546719681907,
                                    482.68156424581
                                ]
                            ],
                            "page": 506,
                            "title": "gon"
                        }
                    ],
                    "classifications": [
                        {
                            "objectId": "3d5cd10ba190b29d2850724",
                            "schemaId": "6421df1fa34ac13204ea157",
                            "tool": "radio",
                            "title": "rdo",
                            "answer": "1",
                            "classifications": []
                        },
                        {
                            "objectId": "f4e53917c222c8e62dbb715",
                            "schemaId": "1ea7a275ce5c9cf30a6f148",
                            "tool": "checkbox",
                            "title": "chk",
                            "answer": [
                                "1"
                            ],
                            "classifications": []
                        },
                        {
                            "objectId": "0b057a52a2bb648b197f180",
                            "schemaId": "a2b4a50bb90eb6523b88376",
                            "tool": "single-dropdown",
                            "title": "sdr",
                            "answer": "1",
                            "classifications": []
                        },
                        {
                            "objectId": "19ae5491832a3bd42704684",
                            "schemaId": "11f6ed8e4ac4852d3422341",
                            "tool": "multi-dropdown",
                            "title": "mdr",
                            "answer": [
                                "1"
                            ],
                            "classifications": []
                        },
                        {
                            "objectId": "7ed41243066d9b09e652723",
                            "schemaId": "c2b5eb27e55b186f84f3898",
                            "tool": "tree-dropdown",
                            "title": "tre",
                            "answer": [
                                "1",
                                "1 / 2"
                            ],
                            "classifications": []
                        },
                        {
                            "objectId": "bde3bab1fbdbcecdc891100",
                            "schemaId": "6590a72d09f1760a4578032",
                            "tool": "text",
                            "title": "txt",
                            "answer": "2",
                            "classifications": []
                        }
                    ],
                    "relations": []
                },
                {
                    "stage": "Review",
                    "stageId": "5e8f78a7-ef6a-473d-b02f-f4024c9ee486",
                    "duration": 2843,
                    "reviewStatus": "Accepted",
                    "completedAt": "2023-08-23T11:36:38.074Z",
                    "completedBy": "lorenzo@imerit.net",
                    "tools": [
                        {
                            "bounding-box": {
                                "x": 301.6699801192843,
                                "y": 429.05027932960894,
                                "height": 173.76536312849163,
                                "width": 118.09145129224652
                            },
                            "objectId": "765742a3b676d3f26898792",
                            "classifications": [],
                            "schemaId": "b1c6805d054f0e44ae11500",
                            "page": 504,
                            "title": "bb"
                        },
                        {
                            "polygon": [
                                [
                                    593.6779324055666,
                                    1121.9664804469273
                                ],
                                [
                                    443.3797216699801,
                                    1349.36312849162
                                ],
                                [
                                    576.5009940357853,
                                    1375.1061452513966
                                ]
                            ],
                            "objectId": "408deff4664cc342d236127",
                            "classifications": [],
                            "schemaId": "a966c7799383465850cd803",
                            "page": 504,
                            "title": "gon"
                        },
                        {
                            "objectId": "765742a3b676d3f26898792",
                            "schemaId": "b1c6805d054f0e44ae11500",
                            "classifications": [],
                            "bounding-box": {
                                "x": 801.948310139165,
                                "y": 1428.7374301675977,
                                "height": 173.76536312849163,
                                "width": 118.09145129224652
                            },
                            "page": 506,
                            "title": "bb"
                        },
                        {
                            "objectId": "408deff4664cc342d236127",
                            "schemaId": "a966c7799383465850cd803",
                            "classifications": [],
                            "polygon": [
                                [
                                    217.93240556660038,
                                    229.54189944134077
                                ],
                                [
                                    67.63419483101391,
                                    456.9385474860335
                                ],
                                [
                                    200.75546719681907,
                                    482.68156424581
                                ]
                            ],
                            "page": 506,
                            "title": "gon"
                        }
                    ],
                    "classifications": [
                        {
                            "objectId": "3d5cd10ba190b29d2850724",
                            "schemaId": "6421df1fa34ac13204ea157",
                            "tool": "radio",
                            "title": "rdo",
                            "answer": "1",
                            "classifications": []
                        },
                        {
                            "objectId": "f4e53917c222c8e62dbb715",
                            "schemaId": "1ea7a275ce5c9cf30a6f148",
                            "tool": "checkbox",
                            "title": "chk",
                            "answer": [
                                "1"
                            ],
                            "classifications": []
                        },
                        {
                            "objectId": "0b057a52a2bb648b197f180",
                            "schemaId": "a2b4a50bb90eb6523b88376",
                            "tool": "single-dropdown",
                            "title": "sdr",
                            "answer": "1",
                            "classifications": []
                        },
                        {
                            "objectId": "19ae5491832a3bd42704684",
                            "schemaId": "11f6ed8e4ac4852d3422341",
                            "tool": "multi-dropdown",
                            "title": "mdr",
                            "answer": [
                                "1"
                            ],
                            "classifications": []
                        },
                        {
                            "objectId": "7ed41243066d9b09e652723",
                            "schemaId": "c2b5eb27e55b186f84f3898",
                            "tool": "tree-dropdown",
                            "title": "tre",
                            "answer": [
                                "1",
                                "1 / 2"
                            ],
                            "classifications": []
                        },
                        {
                            "objectId": "bde3bab1fbdbcecdc891100",
                            "schemaId": "6590a72d09f1760a4578032",
                            "tool": "text",
                            "title": "txt",
                            "answer": "2",
                            "classifications": []
                        }
                    ],
                    "relations": []
                }
            ]
        }
        """

    /// The sample task as one asset of an Ango export file.
    static let exportFile = """
        [{"asset": "https://example.com/sample.png", "externalId": "sample-0001", "metadata": {}, "batches": [], "task": \(task)}]
        """
}
